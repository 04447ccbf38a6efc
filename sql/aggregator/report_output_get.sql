-- One stored rendering, its SHA-256 as recorded, and whether the bytes still match it.
-- $1 report id  $2 format  $3 lang ('mul' for JSON).
SELECT o.body, o.sha256, encode(sha256(convert_to(o.body, 'UTF8')), 'hex') = o.sha256 AS intact
FROM kenes.report_output o
WHERE o.report_id = $1::integer AND o.format = $2::text AND o.lang = $3::text
