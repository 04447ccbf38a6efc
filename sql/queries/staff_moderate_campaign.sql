-- kenes.moderate_campaign from the staff workspace (sql/functions/staff_moderate_campaign.sql).
--   $1 SHA-256 of the session cookie (hex)  $2 'hide' or 'unhide'  $3 campaign id  $4 reason
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_moderate_campaign(decode($1::text, 'hex'), $2::text, $3::bigint, $4::text) r
