-- Stores a batch of proposals in one transaction (sql/functions/proposal_store_batch.sql);
-- one row per job, numbered by the jobs' "ord". $1 a JSON array of jobs (see fcgi/proposal.c,
-- fcgi/batch.c).
-- Columns: ord, then the kenes.outcome (status, code, body, retry_after), then the new id
-- and created_at as JSON text when the proposal was stored.
SELECT b.ord, b.status, b.code, b.body, b.retry_after, b.id, b.created_at
FROM kenes.proposal_store_batch($1::jsonb) b
ORDER BY b.ord
