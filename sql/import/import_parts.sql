-- The parts of each consultation's current draft version, with the ids a row is stored
-- under: kenes-import resolves a validated target to them.
SELECT c.slug, c.id, v.id, p.kind, coalesce(p.number, 0), p.id
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
JOIN kenes.part p ON p.version_id = v.id
ORDER BY c.id, p.id
