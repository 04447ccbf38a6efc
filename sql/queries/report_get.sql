-- An issued report's stored rendering, for the staff API. $1 consultation slug, or NULL for
-- the only one not in draft, or with several, the only open one  $2 kind ('session' or 'week')  $3 session number or NULL
-- $4 week ('2026-W05'), or NULL with kind 'week' for the latest issued week  $5 format
-- $6 lang ('mul' for JSON).
-- Columns: body, SHA-256 as recorded, whether the body still matches it, the session
-- number or week, the consultation slug.
SELECT o.body, o.sha256, encode(sha256(convert_to(o.body, 'UTF8')), 'hex') = o.sha256,
       coalesce(r.session_number::text, r.week), c.slug
FROM kenes.consultation_chosen($1::text) c
JOIN kenes.report r ON r.consultation_id = c.id AND r.kind = $2::text
JOIN kenes.report_output o ON o.report_id = r.id AND o.format = $5::text AND o.lang = $6::text
WHERE ($3::integer IS NULL OR r.session_number = $3::integer)
  AND ($4::text IS NULL OR r.week = $4::text)
ORDER BY r.week DESC NULLS LAST, r.session_number DESC NULLS LAST
LIMIT 1
