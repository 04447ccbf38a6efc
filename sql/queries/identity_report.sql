-- A person reports a proposal filed in their name (sql/functions/identity_report.sql).
--   $1 proposal id  $2 the person's pseudonym (bytea)  $3 channel ('web' or 'api')
--   $4 idempotency key or NULL  $5 request hash (bytea)  $6 attempts per person per hour
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.identity_report($1::bigint, $2::bytea, $3::text, $4::text, $5::bytea, $6::integer) r
