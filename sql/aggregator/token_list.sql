-- Every token, live ones first. Columns: id, role, name, hint, created at, created by,
-- revoked at (times in UTC).
SELECT t.id, t.role, t.name, t.hint,
       to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), t.created_by,
       to_char(t.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM kenes.staff_token t
ORDER BY t.revoked_at IS NOT NULL, t.id
