-- $1 proposal id  $2 supporter pseudonym (bytea)
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.support_withdraw($1::bigint, $2::bytea) r
