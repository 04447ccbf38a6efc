-- Included (\ir, common/embed-sql.sh) in the WITH of tally_apply.sql and tally_rebuild_days.sql,
-- after their contrib (consultation_id, part_id, stance, region, channel, topic_ids, day,
-- proposals, supports: what to add to each day row, negative to take out): located, one row
-- per cell and day a contribution counts in (cell_id NULL for a cell that does not exist),
-- summed. Contributions are first summed by all that any dimension reads: (part, stance,
-- region, channel) for the plain dimensions, (part, stance, topic) for the topical ones, then
-- per dimension (GROUPING SETS; a stance left out of a set is 'all'): a cell key is built per
-- summed row, not per contribution and dimension (kenes.tally_keys). Ends with a comma.
-- Each counted row once with topic NULL (for the plain dimensions: region and channel kept)
-- and once per topic (region and channel NULL).
spread AS (
    SELECT c.consultation_id, c.day, c.part_id, c.stance, c.region, c.channel,
           unnest(array_prepend(NULL::integer, c.topic_ids)) AS topic_id, c.proposals, c.supports
    FROM contrib c),
fine AS (
    SELECT s.consultation_id, s.day, s.part_id, s.stance,
           CASE WHEN s.topic_id IS NULL THEN s.region END AS region,
           CASE WHEN s.topic_id IS NULL THEN s.channel END AS channel,
           s.topic_id, sum(s.proposals) AS proposals, sum(s.supports) AS supports
    FROM spread s
    GROUP BY 1, 2, 3, 4, 5, 6, 7),
plain AS (
    SELECT f.consultation_id, f.day,
           CASE WHEN GROUPING(f.part_id) = 0 AND GROUPING(f.region) = 0 THEN 'part_region'
                WHEN GROUPING(f.part_id) = 0 AND GROUPING(f.channel) = 0 THEN 'part_channel'
                WHEN GROUPING(f.part_id) = 0 THEN 'part'
                WHEN GROUPING(f.region) = 0 THEN 'region'
                WHEN GROUPING(f.channel) = 0 THEN 'channel'
                ELSE 'total' END AS dim,
           f.part_id, NULL::integer AS topic_id, f.region, f.channel,
           CASE WHEN GROUPING(f.stance) = 0 THEN f.stance ELSE 'all' END AS stance,
           sum(f.proposals) AS proposals, sum(f.supports) AS supports
    FROM fine f
    WHERE f.topic_id IS NULL
    GROUP BY f.consultation_id, f.day,
             GROUPING SETS ((f.stance), (), (f.part_id, f.stance), (f.part_id),
                            (f.region, f.stance), (f.region), (f.channel, f.stance), (f.channel),
                            (f.part_id, f.region, f.stance), (f.part_id, f.region),
                            (f.part_id, f.channel, f.stance), (f.part_id, f.channel))),
topical AS (
    SELECT f.consultation_id, f.day,
           CASE WHEN GROUPING(f.part_id) = 0 THEN 'part_topic' ELSE 'topic' END AS dim,
           f.part_id, f.topic_id, NULL::text AS region, NULL::text AS channel,
           CASE WHEN GROUPING(f.stance) = 0 THEN f.stance ELSE 'all' END AS stance,
           sum(f.proposals) AS proposals, sum(f.supports) AS supports
    FROM fine f
    WHERE f.topic_id IS NOT NULL
    GROUP BY f.consultation_id, f.day,
             GROUPING SETS ((f.topic_id, f.stance), (f.topic_id),
                            (f.part_id, f.topic_id, f.stance), (f.part_id, f.topic_id))),
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
