-- Records a Commission session from /staff/reports under the single sign-on
-- (sql/functions/staff_sso_session_add.sql).
--   $1 the SSO subject  $2 its role  $3 consultation id  $4 number  $5 date  $6 title
--   $7 client address
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_sso_session_add($1::text, $2::text, $3::integer, $4::integer, $5::date, $6::text, $7::text) r
