-- kenes.moderate_campaign for a single sign-on moderator (sql/functions/staff_sso_moderate_campaign.sql).
--   $1 the SSO subject  $2 its role  $3 'hide' or 'unhide'  $4 campaign id  $5 reason
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_sso_moderate_campaign($1::text, $2::text, $3::text, $4::bigint, $5::text) r
