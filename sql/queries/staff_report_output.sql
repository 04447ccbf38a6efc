-- One stored rendering of report $1, for a download from /staff/reports: $2 format $3 lang
-- ('mul' for JSON). Columns as report_get.sql's: body, SHA-256 as recorded, whether the body
-- still matches it, the session number or week, the consultation slug; then the kind.
SELECT o.body, o.sha256, encode(sha256(convert_to(o.body, 'UTF8')), 'hex') = o.sha256,
       coalesce(r.session_number::text, r.week), c.slug, r.kind
FROM kenes.report r
JOIN kenes.consultation c ON c.id = r.consultation_id
JOIN kenes.report_output o ON o.report_id = r.id AND o.format = $2::text AND o.lang = $3::text
WHERE r.id = $1::integer
