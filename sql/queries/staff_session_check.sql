-- A live session's role and its token's name (sql/functions/staff_session_check.sql), or no row.
-- $1 SHA-256 of the cookie's session id (hex)  $2 idle timeout (s)  $3 lifetime (s)
SELECT s.role, s.actor FROM kenes.staff_session_check(decode($1::text, 'hex'), $2::integer, $3::integer) s
