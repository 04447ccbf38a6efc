-- Signs in (sql/functions/staff_session_open.sql). $1 SHA-256 of the new session id (hex)
-- $2 SHA-256 of the token presented (hex)  $3 the client's address  $4 failures per minute
-- Column: the role, 'invalid' or 'throttled'.
SELECT kenes.staff_session_open(decode($1::text, 'hex'), decode($2::text, 'hex'), $3::text, $4::integer)
