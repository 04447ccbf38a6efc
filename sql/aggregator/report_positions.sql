-- The comparative tables of consultation $1's draft versions that have positions, oldest
-- first (sql/functions/comparative_table.sql): the positions a report shows for its parts,
-- as they stand when it is made (an issued report keeps them).
SELECT kenes.comparative_table(v.id)
FROM kenes.draft_version v
WHERE v.consultation_id = $1::integer
  AND EXISTS (SELECT FROM kenes.position po WHERE po.version_id = v.id AND po.merged_into IS NULL)
ORDER BY v.number
