-- The comparative table of consultation $1 (slug), draft version $2 (number; NULL: the
-- current one), published proposals only (sql/functions/comparative_table.sql). No row when
-- either is unknown.
SELECT kenes.comparative_table(v.id)
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id
WHERE c.slug = $1::text AND CASE WHEN $2::integer IS NULL THEN v.is_current ELSE v.number = $2::integer END
