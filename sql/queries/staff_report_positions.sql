-- How many positions of consultation $1 a session report made now would carry (those not
-- merged away; sql/aggregator/report_positions.sql), for the issue confirmation.
SELECT count(*)
FROM kenes.position po
JOIN kenes.draft_version v ON v.id = po.version_id
WHERE v.consultation_id = $1::integer AND po.merged_into IS NULL
