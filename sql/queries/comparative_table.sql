-- The comparative table of consultation $1 (slug; NULL: the one kenes.consultation_chosen
-- picks, for the staff's positions page), draft version $2 (number; NULL: the current one),
-- published proposals only (sql/functions/comparative_table.sql). No row when either is
-- unknown, several when the choice is ambiguous.
SELECT kenes.comparative_table(v.id)
FROM kenes.consultation_chosen($1::text) c
JOIN kenes.draft_version v ON v.consultation_id = c.id
WHERE CASE WHEN $2::integer IS NULL THEN v.is_current ELSE v.number = $2::integer END
