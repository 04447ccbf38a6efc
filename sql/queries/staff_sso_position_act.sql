-- A change to positions by a single sign-on staff person (sql/functions/staff_sso_position_act.sql).
--   $1 the SSO subject  $2 its role  $3 the action  $4 the position's or suggestion's id (NULL
--   for create)  $5 the body, as the API's (a JSON object)
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.staff_sso_position_act($1::text, $2::text, $3::text, $4::bigint, $5::jsonb) r
