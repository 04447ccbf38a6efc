-- For a list on an older draft version (?version=N): every draft version of a consultation,
-- each with the part the target names in that version's numbering (NULLs when it has none).
-- The handler's structure cache knows the current version only.
--   $1 consultation slug  $2 target ("article:90")
-- Columns: version number, part kind, part number, the part's labels as JSON {"label": {…}}.
SELECT v.number, pt.kind, pt.number,
       CASE WHEN pt.id IS NOT NULL THEN jsonb_build_object('label', jsonb_build_object(
           'kk', kenes.part_label_versioned(pt, 'kk'), 'ru', kenes.part_label_versioned(pt, 'ru'),
           'en', kenes.part_label_versioned(pt, 'en')))::text END
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id
LEFT JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
WHERE c.slug = $1::text
ORDER BY v.number
