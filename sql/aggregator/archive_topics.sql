-- The open-data archive: the topics proposals may be filed under. $1 consultation id.
SELECT t.slug AS topic, t.label_kk, t.label_ru, t.label_en, t.ordinal
FROM kenes.topic t WHERE t.consultation_id = $1::integer
ORDER BY t.ordinal, t.slug
