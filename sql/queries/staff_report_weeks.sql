-- The issued weekly reports of consultation $1 for /staff/reports, newest first, at most $2.
-- Columns: report id, week, first day, last day, issued at, cut-off (ISO 8601 UTC).
SELECT r.id, r.week, r.period_from, r.period_to,
       to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(r.cut_off AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM kenes.report r
WHERE r.consultation_id = $1::integer AND r.kind = 'week'
ORDER BY r.week DESC
LIMIT $2::integer
