-- Stores a batch of supports in one transaction (sql/functions/support_store_batch.sql);
-- one row per job, numbered by the jobs' "ord". $1 a JSON array of jobs (see fcgi/support.c,
-- fcgi/batch.c).
-- Columns: ord, then the kenes.outcome (status, code, body, retry_after), then id and
-- created_at (always NULL here: the shape of kenes.proposal_store_batch).
SELECT b.ord, b.status, b.code, b.body, b.retry_after, b.id, b.created_at
FROM kenes.support_store_batch($1::jsonb) b
ORDER BY b.ord
