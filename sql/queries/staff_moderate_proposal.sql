-- kenes.moderate_proposal from the staff workspace (sql/functions/staff_moderate_proposal.sql).
--   $1 SHA-256 of the session cookie (hex)  $2 'hide', 'unhide' or 'duplicate'  $3 proposal id  $4 reason  $5 the original's id (duplicate) or NULL
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_moderate_proposal(decode($1::text, 'hex'), $2::text, $3::bigint, $4::text, $5::bigint) r
