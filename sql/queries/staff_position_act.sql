-- A change to positions from the staff workspace (sql/functions/staff_position_act.sql).
--   $1 SHA-256 of the session's cookie (hex), NULL under the single sign-on  $2 the SSO subject
--   $3 its role  $4 the action  $5 the position's or suggestion's id (NULL for create)
--   $6 the body, as the API's (a JSON object)
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_position_act(decode($1::text, 'hex'), $2::text, $3::text, $4::text, $5::bigint, $6::jsonb) r
