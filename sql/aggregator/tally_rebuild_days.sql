-- Full rebuild, step 4 of 5: the day rows, from the counted proposals (on the day made) and
-- supports (on the day given), one aggregate per dimension (GROUPING SETS; a stance left out
-- of a set is 'all'). The incremental path (tally_apply) gets the same cells through
-- kenes.tally_keys; the tests check that both agree with an independent recount.
-- Returns the number of day rows and of sums that found no cell (must be 0; the caller
-- rolls back otherwise).
WITH contrib AS (
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, a.day,
           1 AS proposals, 0 AS supports
    FROM kenes.tally_applied a
    UNION ALL
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, s.day,
           0, s.supports
    FROM kenes.tally_applied_support s JOIN kenes.tally_applied a ON a.proposal_id = s.proposal_id),
plain AS (
    SELECT c.consultation_id, c.day,
           CASE WHEN GROUPING(c.part_id) = 0 THEN 'part'
                WHEN GROUPING(c.region) = 0 THEN 'region'
                WHEN GROUPING(c.channel) = 0 THEN 'channel'
                ELSE 'total' END AS dim,
           c.part_id, NULL::integer AS topic_id, c.region, c.channel,
           CASE WHEN GROUPING(c.stance) = 0 THEN c.stance ELSE 'all' END AS stance,
           sum(c.proposals) AS proposals, sum(c.supports) AS supports
    FROM contrib c
    GROUP BY c.consultation_id, c.day,
             GROUPING SETS ((c.stance), (), (c.part_id, c.stance), (c.part_id),
                            (c.region, c.stance), (c.region), (c.channel, c.stance), (c.channel))),
topical AS (
    SELECT c.consultation_id, c.day,
           CASE WHEN GROUPING(c.part_id) = 0 THEN 'part_topic' ELSE 'topic' END AS dim,
           c.part_id, t.topic_id, NULL::text AS region, NULL::text AS channel,
           CASE WHEN GROUPING(c.stance) = 0 THEN c.stance ELSE 'all' END AS stance,
           sum(c.proposals) AS proposals, sum(c.supports) AS supports
    FROM contrib c CROSS JOIN LATERAL unnest(c.topic_ids) AS t(topic_id)
    GROUP BY c.consultation_id, c.day,
             GROUPING SETS ((t.topic_id, c.stance), (t.topic_id),
                            (c.part_id, t.topic_id, c.stance), (c.part_id, t.topic_id))),
keyed AS (
    SELECT x.consultation_id, x.day, x.proposals, x.supports,
           kenes.tally_cell_key(x.dim, x.part_id, x.topic_id, x.region, x.channel, NULL, x.stance) AS key
    FROM (SELECT * FROM plain UNION ALL SELECT * FROM topical) AS x
    UNION ALL
    -- a week's cell has, for each of its days, that day's totals
    SELECT x.consultation_id, x.day, x.proposals, x.supports,
           kenes.tally_cell_key('week', NULL, NULL, NULL, NULL,
                                x.day - (extract(isodow FROM x.day)::integer - 1), x.stance)
    FROM plain x WHERE x.dim = 'total'),
located AS (
    SELECT cell.id AS cell_id, k.day, k.proposals, k.supports
    FROM keyed k
    LEFT JOIN kenes.tally_cell cell ON cell.consultation_id = k.consultation_id AND cell.key = k.key),
written AS (
    INSERT INTO kenes.tally_day (cell_id, day, proposals, supports)
    SELECT l.cell_id, l.day, l.proposals, l.supports FROM located l WHERE l.cell_id IS NOT NULL
    RETURNING 1)
SELECT (SELECT count(*) FROM written), (SELECT count(*) FROM located WHERE cell_id IS NULL)
