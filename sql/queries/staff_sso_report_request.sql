-- Asks for a session's report to be issued under the single sign-on
-- (sql/functions/staff_sso_report_request.sql).
--   $1 the SSO subject  $2 its role  $3 consultation id  $4 session number  $5 client address
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_sso_report_request($1::text, $2::text, $3::integer, $4::integer, $5::text) r
