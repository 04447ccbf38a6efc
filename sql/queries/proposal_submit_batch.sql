-- Stores a batch of proposals in one transaction (sql/migrations/006); one row per job,
-- in the order given. $1 a JSON array of jobs (see fcgi/batch.c).
SELECT b.ord, b.status, b.code, b.body, b.retry_after
FROM kenes.proposal_submit_batch($1::jsonb) b
ORDER BY b.ord
