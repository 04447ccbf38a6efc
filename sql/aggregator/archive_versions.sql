-- The open-data archive: the draft's versions. $1 consultation id.
SELECT v.number AS version, v.label_kk, v.label_ru, v.label_en, v.published_on::text AS published_on,
       v.is_current AS current, r.number AS replaces
FROM kenes.draft_version v LEFT JOIN kenes.draft_version r ON r.id = v.replaces_id
WHERE v.consultation_id = $1::integer
ORDER BY v.number
