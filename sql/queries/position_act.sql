-- A change to positions or a decision on a suggestion, logged (sql/functions/position_act.sql).
--   $1 SHA-256 of the bearer token (hex)  $2 the action  $3 the position's or suggestion's id
--   (NULL for create)  $4 the request body (a JSON object)
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.position_act(decode($1::text, 'hex'), $2::text, $3::bigint, $4::jsonb) r
