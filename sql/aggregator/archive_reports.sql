-- The open-data archive: the issued reports (sql/migrations/011), each with its stored JSON
-- rendering written beside as reports/report-<id>.json, byte for byte. $1 consultation id.
SELECT r.id AS report_id, r.kind, r.session_number, r.week, r.period_from::text AS period_from,
       r.period_to::text AS period_to, r.time_zone,
       to_char(r.cut_off AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cut_off,
       to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS issued_at,
       'reports/report-' || r.id || '.json' AS file, o.sha256, o.body
FROM kenes.report r JOIN kenes.report_output o ON o.report_id = r.id AND o.format = 'json'
WHERE r.consultation_id = $1::integer
ORDER BY r.id
