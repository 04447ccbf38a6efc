-- Resolves an identity flag from the staff workspace (sql/functions/staff_resolve_flag.sql).
--   $1 SHA-256 of the session cookie (hex), or NULL under the single sign-on  $2 the SSO
--   subject  $3 its role  $4 flag id  $5 'hide' or 'keep'  $6 reason
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_resolve_flag(decode($1::text, 'hex'), $2::text, $3::text, $4::bigint, $5::text, $6::text) r
