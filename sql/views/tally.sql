-- The tally cells with readable keys: what an analyst queries first.
CREATE OR REPLACE VIEW kenes.tally AS
SELECT c.id AS cell_id, k.slug AS consultation, c.dim, v.number AS version,
       kenes.part_target(p) AS target, t.slug AS topic, c.region, c.channel,
       to_char(c.week, 'IYYY-"W"IW') AS week, c.stance, c.proposals, c.people, c.supports
FROM kenes.tally_cell c
JOIN kenes.consultation k ON k.id = c.consultation_id
LEFT JOIN kenes.part p ON p.id = c.part_id
LEFT JOIN kenes.draft_version v ON v.id = p.version_id
LEFT JOIN kenes.topic t ON t.id = c.topic_id;
