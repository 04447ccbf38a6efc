-- The stored renderings of the reports of consultation $1 (their SHA-256 and size), for the
-- download links of /staff/reports. Columns: report id, format, lang, SHA-256, bytes.
SELECT o.report_id, o.format, o.lang, o.sha256, octet_length(o.body)
FROM kenes.report r
JOIN kenes.report_output o ON o.report_id = r.id
WHERE r.consultation_id = $1::integer
ORDER BY o.report_id, array_position(ARRAY['html', 'csv', 'json', 'md'], o.format),
         array_position(ARRAY['kk', 'ru', 'en', 'mul'], o.lang)
