-- Asks for a session's report to be issued (sql/functions/staff_report_request.sql).
--   $1 SHA-256 of the session cookie (hex)  $2 consultation id  $3 session number  $4 client address
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_report_request(decode($1::text, 'hex'), $2::integer, $3::integer, $4::text) r
