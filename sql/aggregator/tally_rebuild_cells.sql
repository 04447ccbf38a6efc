-- Full rebuild, step 5 of 5: each cell's all-time totals: proposals and supports from its
-- day rows, people from the counted proposals (distinct pseudonyms per dimension, as in
-- tally_rebuild_days). Returns the number of cells with any.
WITH sums AS (
    SELECT d.cell_id, sum(d.proposals) AS proposals, sum(d.supports) AS supports
    FROM kenes.tally_day d GROUP BY d.cell_id),
persons AS (
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, a.submitter,
           a.day - (extract(isodow FROM a.day)::integer - 1) AS week
    FROM kenes.tally_applied a WHERE a.submitter IS NOT NULL),
plain AS (
    SELECT p.consultation_id,
           CASE WHEN GROUPING(p.part_id) = 0 AND GROUPING(p.week) = 0 THEN 'part_week'
                WHEN GROUPING(p.part_id) = 0 AND GROUPING(p.region) = 0 THEN 'part_region'
                WHEN GROUPING(p.part_id) = 0 AND GROUPING(p.channel) = 0 THEN 'part_channel'
                WHEN GROUPING(p.part_id) = 0 THEN 'part'
                WHEN GROUPING(p.region) = 0 THEN 'region'
                WHEN GROUPING(p.channel) = 0 THEN 'channel'
                WHEN GROUPING(p.week) = 0 THEN 'week'
                ELSE 'total' END AS dim,
           p.part_id, NULL::integer AS topic_id, p.region, p.channel, p.week,
           CASE WHEN GROUPING(p.stance) = 0 THEN p.stance ELSE 'all' END AS stance,
           count(DISTINCT p.submitter) AS people
    FROM persons p
    GROUP BY p.consultation_id,
             GROUPING SETS ((p.stance), (), (p.part_id, p.stance), (p.part_id),
                            (p.region, p.stance), (p.region), (p.channel, p.stance), (p.channel),
                            (p.week, p.stance), (p.week),
                            (p.part_id, p.region, p.stance), (p.part_id, p.region),
                            (p.part_id, p.channel, p.stance), (p.part_id, p.channel),
                            (p.part_id, p.week, p.stance), (p.part_id, p.week))),
topical AS (
    SELECT p.consultation_id,
           CASE WHEN GROUPING(p.part_id) = 0 THEN 'part_topic' ELSE 'topic' END AS dim,
           p.part_id, t.topic_id, NULL::text AS region, NULL::text AS channel, NULL::date AS week,
           CASE WHEN GROUPING(p.stance) = 0 THEN p.stance ELSE 'all' END AS stance,
           count(DISTINCT p.submitter) AS people
    FROM persons p CROSS JOIN LATERAL unnest(p.topic_ids) AS t(topic_id)
    GROUP BY p.consultation_id,
             GROUPING SETS ((t.topic_id, p.stance), (t.topic_id),
                            (p.part_id, t.topic_id, p.stance), (p.part_id, t.topic_id))),
people AS (
    SELECT cell.id AS cell_id, x.people
    FROM (SELECT * FROM plain UNION ALL SELECT * FROM topical) AS x
    JOIN kenes.tally_cell cell ON cell.consultation_id = x.consultation_id
     AND cell.key = kenes.tally_cell_key(x.dim, x.part_id, x.topic_id, x.region, x.channel, x.week, x.stance)),
updated AS (
    UPDATE kenes.tally_cell c
    SET proposals = s.proposals, supports = s.supports, people = coalesce(p.people, 0)
    FROM sums s LEFT JOIN people p ON p.cell_id = s.cell_id
    WHERE c.id = s.cell_id
    RETURNING 1)
SELECT count(*) FROM updated
