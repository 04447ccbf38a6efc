-- A change to positions from the staff workspace, as the session's token (sql/functions/staff_position_act.sql).
--   $1 SHA-256 of the session's cookie (hex)  $2 the action  $3 the position's or suggestion's
--   id (NULL for create)  $4 the body, as the API's (a JSON object)
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_position_act(decode($1::text, 'hex'), $2::text, $3::bigint, $4::jsonb) r
