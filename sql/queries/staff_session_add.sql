-- Records a Commission session from /staff/reports (sql/functions/staff_session_add.sql).
--   $1 SHA-256 of the session cookie (hex)  $2 consultation id  $3 number  $4 date  $5 title
--   $6 client address
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_session_add(decode($1::text, 'hex'), $2::integer, $3::integer, $4::date, $5::text, $6::text) r
