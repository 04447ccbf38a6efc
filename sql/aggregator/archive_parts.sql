-- The open-data archive: every part of every version of the draft. $1 consultation id.
SELECT p.id AS part_id, v.number AS version, kenes.part_target(p) AS target, i.key AS identity,
       p.kind, p.number, p.section_id, p.ordinal, p.title_kk, p.title_ru, p.title_en,
       p.note_kk, p.note_ru, p.note_en
FROM kenes.part p
JOIN kenes.draft_version v ON v.id = p.version_id
JOIN kenes.part_identity i ON i.id = p.identity_id
WHERE v.consultation_id = $1::integer
ORDER BY v.number, p.ordinal, p.id
