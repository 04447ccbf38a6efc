-- Stores one rendering of an issued report, with the SHA-256 of its bytes.
-- $1 report id  $2 format  $3 lang ('mul' for JSON)  $4 the rendering.
INSERT INTO kenes.report_output (report_id, format, lang, body, sha256)
VALUES ($1::integer, $2::text, $3::text, $4::text,
        encode(sha256(convert_to($4::text, 'UTF8')), 'hex'))
RETURNING sha256
