-- An issued report. $1 consultation id  $2 kind ('session' or 'week')  $3 session number
-- or NULL  $4 week ('2026-W05') or NULL.
SELECT r.id, to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM kenes.report r
WHERE r.consultation_id = $1::integer AND r.kind = $2::text
  AND r.session_number IS NOT DISTINCT FROM $3::integer AND r.week IS NOT DISTINCT FROM $4::text
