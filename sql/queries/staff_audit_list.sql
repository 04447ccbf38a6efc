-- The staff audit log, oldest first (sql/functions/staff_audit_list.sql).
--   $1 first UTC day or NULL  $2 last UTC day (inclusive) or NULL  $3 only entries after this id
--   $4 at most this many rows
-- Columns: id, at, event, token id, token name (or the SSO subject), role, address, detail
-- (JSON or NULL), SSO subject (or NULL).
SELECT a.id, a.at, a.event, a.token_id, a.actor, a.role, a.address, a.detail, a.sso_subject
FROM kenes.staff_audit_list($1::date, $2::date, $3::bigint, $4::integer) a
