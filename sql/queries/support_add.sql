-- $1 proposal id  $2 supporter pseudonym (bytea)  $3 idempotency key or NULL
-- $4 request hash (bytea)  $5 supports per person per hour
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.support_add($1::bigint, $2::bytea, $3::text, $4::bytea, $5::integer) r
