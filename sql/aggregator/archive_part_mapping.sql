-- The open-data archive: what became of each part when a new version replaced the old one
-- (sql/migrations/016). $1 consultation id.
SELECT v.number AS version, m.action, m.from_part_id, m.to_part_id
FROM kenes.part_mapping m JOIN kenes.draft_version v ON v.id = m.version_id
WHERE v.consultation_id = $1::integer
ORDER BY v.number, m.from_part_id NULLS LAST, m.to_part_id NULLS LAST, m.action
