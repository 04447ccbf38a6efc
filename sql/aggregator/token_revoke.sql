-- Revokes a token. $1 id. Returns it, with when it was revoked (now, or earlier).
UPDATE kenes.staff_token t SET revoked_at = coalesce(t.revoked_at, pg_catalog.now())
WHERE t.id = $1::integer
RETURNING t.id, t.name, t.role, to_char(t.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
