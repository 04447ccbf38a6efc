-- The open-data archive: the tallies as of the last refresh, one row per cell, with
-- readable keys (as the kenes.tally view). $1 consultation id.
SELECT c.key, c.dim, v.number AS version, kenes.part_target(p) AS target, t.slug AS topic,
       c.region, c.channel, to_char(c.week, 'IYYY-"W"IW') AS week, c.stance,
       c.proposals, c.people, c.supports
FROM kenes.tally_cell c
LEFT JOIN kenes.part p ON p.id = c.part_id
LEFT JOIN kenes.draft_version v ON v.id = p.version_id
LEFT JOIN kenes.topic t ON t.id = c.topic_id
WHERE c.consultation_id = $1::integer
ORDER BY c.key
