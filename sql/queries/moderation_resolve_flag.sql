-- Resolves an identity flag (sql/functions/moderation_resolve_flag.sql), logged.
--   $1 SHA-256 of the bearer token (hex)  $2 flag id  $3 'hide' or 'keep'  $4 reason
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.moderation_resolve_flag(decode($1::text, 'hex'), $2::bigint, $3::text, $4::text) r
