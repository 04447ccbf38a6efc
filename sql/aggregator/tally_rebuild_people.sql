-- Full rebuild, step 5 of 6: the people pairs of every cell (migration 039): for each cell and
-- person, each day they made a counted proposal there, with the day before it on which they
-- did (prev_day; '-infinity' for their first), summed over people. Most named people have one
-- counted proposal: theirs is one first day in each of its cells, summed per cell and day as
-- tally_rebuild_days sums proposals (the same include). Only the proposals of people with more
-- than one go through the grouping sets below, each set also grouped by person and day (one
-- row per person, cell and day), and a window that pairs each day with the one before.
-- Returns the number of pair rows and of sums that found no cell (must be 0; the caller
-- rolls back otherwise).
WITH named AS (
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, a.submitter,
           a.day, count(*) OVER (PARTITION BY a.submitter) AS made
    FROM kenes.tally_applied a WHERE a.submitter IS NOT NULL),
contrib AS (
    SELECT n.consultation_id, n.part_id, n.stance, n.region, n.channel, n.topic_ids, n.day,
           1 AS proposals, 0 AS supports
    FROM named n WHERE n.made = 1),
\ir include/tally_day_located.sql
persons AS (
    SELECT n.consultation_id, n.part_id, n.stance, n.region, n.channel, n.topic_ids, n.submitter,
           n.day, n.day - (extract(isodow FROM n.day)::integer - 1) AS week
    FROM named n WHERE n.made > 1),
plain_people AS (
    SELECT p.consultation_id,
           CASE WHEN GROUPING(p.part_id) = 0 AND GROUPING(p.region) = 0 THEN 'part_region'
                WHEN GROUPING(p.part_id) = 0 AND GROUPING(p.channel) = 0 THEN 'part_channel'
                WHEN GROUPING(p.part_id) = 0 THEN 'part'
                WHEN GROUPING(p.region) = 0 THEN 'region'
                WHEN GROUPING(p.channel) = 0 THEN 'channel'
                WHEN GROUPING(p.week) = 0 THEN 'week'
                ELSE 'total' END AS dim,
           p.part_id, NULL::integer AS topic_id, p.region, p.channel, p.week,
           CASE WHEN GROUPING(p.stance) = 0 THEN p.stance ELSE 'all' END AS stance,
           p.submitter, p.day
    FROM persons p
    GROUP BY p.consultation_id, p.submitter, p.day,
             GROUPING SETS ((p.stance), (), (p.part_id, p.stance), (p.part_id),
                            (p.region, p.stance), (p.region), (p.channel, p.stance), (p.channel),
                            (p.week, p.stance), (p.week),
                            (p.part_id, p.region, p.stance), (p.part_id, p.region),
                            (p.part_id, p.channel, p.stance), (p.part_id, p.channel))),
topical_people AS (
    SELECT p.consultation_id,
           CASE WHEN GROUPING(p.part_id) = 0 THEN 'part_topic' ELSE 'topic' END AS dim,
           p.part_id, t.topic_id, NULL::text AS region, NULL::text AS channel, NULL::date AS week,
           CASE WHEN GROUPING(p.stance) = 0 THEN p.stance ELSE 'all' END AS stance,
           p.submitter, p.day
    FROM persons p CROSS JOIN LATERAL unnest(p.topic_ids) AS t(topic_id)
    GROUP BY p.consultation_id, p.submitter, p.day,
             GROUPING SETS ((t.topic_id, p.stance), (t.topic_id),
                            (p.part_id, t.topic_id, p.stance), (p.part_id, t.topic_id))),
paired AS (
    SELECT x.consultation_id, x.dim, x.part_id, x.topic_id, x.region, x.channel, x.week, x.stance,
           x.day,
           coalesce(lag(x.day) OVER (PARTITION BY x.consultation_id, x.dim, x.part_id, x.topic_id,
                                                  x.region, x.channel, x.week, x.stance, x.submitter
                                     ORDER BY x.day),
                    '-infinity') AS prev_day
    FROM (SELECT * FROM plain_people UNION ALL SELECT * FROM topical_people) AS x),
summed AS (
    SELECT y.consultation_id, y.dim, y.part_id, y.topic_id, y.region, y.channel, y.week, y.stance,
           y.day, y.prev_day, count(*) AS people
    FROM paired y
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
repeated AS (
    SELECT cell.id AS cell_id, s.day, s.prev_day, s.people
    FROM summed s
    LEFT JOIN kenes.tally_cell cell ON cell.consultation_id = s.consultation_id
     AND cell.key = kenes.tally_cell_key(s.dim, s.part_id, s.topic_id, s.region, s.channel, s.week, s.stance)),
pairs AS (
    SELECT l.cell_id, l.day, '-infinity'::date AS prev_day, l.proposals AS people
    FROM located l WHERE l.proposals > 0
    UNION ALL
    SELECT r.cell_id, r.day, r.prev_day, r.people FROM repeated r),
written AS (
    INSERT INTO kenes.tally_people_day (cell_id, day, prev_day, people)
    SELECT x.cell_id, x.day, x.prev_day, sum(x.people) FROM pairs x
    WHERE x.cell_id IS NOT NULL
    GROUP BY x.cell_id, x.day, x.prev_day
    RETURNING 1)
SELECT (SELECT count(*) FROM written), (SELECT count(*) FROM pairs WHERE cell_id IS NULL)
