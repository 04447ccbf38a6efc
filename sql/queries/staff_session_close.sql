-- Signs out (sql/functions/staff_session_close.sql). $1 SHA-256 of the session id (hex)
-- $2 the client's address
SELECT kenes.staff_session_close(decode($1::text, 'hex'), $2::text)
