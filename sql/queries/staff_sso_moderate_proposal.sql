-- kenes.moderate_proposal for a single sign-on moderator (sql/functions/staff_sso_moderate_proposal.sql).
--   $1 the SSO subject  $2 its role  $3 'hide', 'unhide' or 'duplicate'  $4 proposal id  $5 reason
--   $6 the original's id (duplicate) or NULL
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_sso_moderate_proposal($1::text, $2::text, $3::text, $4::bigint, $5::text, $6::bigint) r
