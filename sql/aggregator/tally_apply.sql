-- Applies the queued changes of the proposals named by the $1 oldest queued rows to the
-- tallies: for each of those proposals, takes out what the tallies count for it (kenes.tally_applied,
-- tally_applied_support) and puts in what this snapshot shows. Every queued row of those
-- proposals goes in the same batch (a proposal stored with topics is queued twice, one with
-- supports once per support): recounting it in a later batch again would only redo the work.
-- One statement, so every part of it reads the state as it was before the statement: the
-- "before" of the people counts below relies on that.
-- $1 batch size (queued rows that pick the proposals)  $2 time zone
-- Returns: queue rows consumed, proposals recounted whole, support days recounted,
-- sums or contributions that found no cell (must be 0; the caller rolls back otherwise), and the
-- day rows that fell to zero (two arrays, cell ids and days: for tally_cleanup).
WITH
batch AS (
    SELECT DISTINCT f.proposal_id
    FROM (SELECT proposal_id FROM kenes.tally_change ORDER BY id LIMIT $1::integer) AS f),
taken AS (
    DELETE FROM kenes.tally_change q
    WHERE q.proposal_id IN (SELECT b.proposal_id FROM batch b)
    RETURNING q.proposal_id, q.support_at),
-- Recounted whole: new, hidden, shown again, edited, deleted, topics changed.
whole AS (
    SELECT DISTINCT t.proposal_id FROM taken t WHERE t.support_at IS NULL),
-- Only one day of supports recounted: a support given or withdrawn on a proposal that is
-- counted and not recounted whole here. (One not counted yet gets all its supports when it
-- is; one being hidden has its own queue row, which takes its supports out.)
support_days AS (
    SELECT DISTINCT t.proposal_id, (t.support_at AT TIME ZONE $2::text)::date AS day
    FROM taken t
    WHERE t.support_at IS NOT NULL
      AND EXISTS (SELECT FROM kenes.tally_applied a WHERE a.proposal_id = t.proposal_id)
      AND NOT EXISTS (SELECT FROM whole w WHERE w.proposal_id = t.proposal_id)),
old_p AS (
    SELECT a.* FROM kenes.tally_applied a JOIN whole w ON w.proposal_id = a.proposal_id),
new_p AS (
    SELECT p.id AS proposal_id, p.consultation_id, p.part_id, p.stance, p.region, p.channel,
           (p.created_at AT TIME ZONE $2::text)::date AS day, p.submitter,
           ARRAY(SELECT pt.topic_id FROM kenes.proposal_topic pt
                 WHERE pt.proposal_id = p.id ORDER BY pt.topic_id) AS topic_ids
    FROM kenes.proposal p JOIN whole w ON w.proposal_id = p.id
    WHERE p.status = 'published'),
-- Supports as counted, per proposal and day; and as they are now.
old_s AS (
    SELECT s.proposal_id, s.day, s.supports
    FROM kenes.tally_applied_support s JOIN whole w ON w.proposal_id = s.proposal_id
    UNION ALL
    SELECT s.proposal_id, s.day, s.supports
    FROM kenes.tally_applied_support s
    JOIN support_days d ON d.proposal_id = s.proposal_id AND d.day = s.day),
new_s_whole AS (
    SELECT s.proposal_id, (s.created_at AT TIME ZONE $2::text)::date AS day,
           count(*)::integer AS supports
    FROM kenes.support s JOIN new_p n ON n.proposal_id = s.proposal_id
    GROUP BY 1, 2),
new_s_days AS (
    SELECT d.proposal_id, d.day, count(*)::integer AS supports
    FROM support_days d
    JOIN kenes.support s ON s.proposal_id = d.proposal_id
     AND s.created_at >= (d.day::timestamp AT TIME ZONE $2::text)
     AND s.created_at < ((d.day + 1)::timestamp AT TIME ZONE $2::text)
    GROUP BY 1, 2),
-- What changes: proposals on the day they were made (with their submitter, for people),
-- supports on the day they were given; negative for what is taken out.
contrib AS (
    SELECT o.consultation_id, o.part_id, o.stance, o.region, o.channel, o.topic_ids, o.day,
           o.submitter, -1 AS proposals, 0 AS supports
    FROM old_p o
    UNION ALL
    SELECT n.consultation_id, n.part_id, n.stance, n.region, n.channel, n.topic_ids, n.day,
           n.submitter, 1, 0
    FROM new_p n
    UNION ALL
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, s.day,
           NULL, 0, -s.supports
    FROM old_s s JOIN kenes.tally_applied a ON a.proposal_id = s.proposal_id
    UNION ALL
    SELECT n.consultation_id, n.part_id, n.stance, n.region, n.channel, n.topic_ids, s.day,
           NULL, 0, s.supports
    FROM new_s_whole s JOIN new_p n ON n.proposal_id = s.proposal_id
    UNION ALL
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, s.day,
           NULL, 0, s.supports
    FROM new_s_days s JOIN kenes.tally_applied a ON a.proposal_id = s.proposal_id),
-- Each contribution counts in one cell per dimension, for its stance and for 'all'.
\ir include/tally_day_located.sql
-- One row per cell and day (each grouping set names its own cells).
day_delta AS (
    SELECT l.cell_id, l.day, l.proposals, l.supports
    FROM located l
    WHERE l.cell_id IS NOT NULL AND (l.proposals <> 0 OR l.supports <> 0)),
-- People need each person's cells: only the proposals of named people are located one by one.
person_located AS (
    SELECT cell.id AS cell_id, c.submitter, c.day, c.proposals
    FROM contrib c
    CROSS JOIN LATERAL kenes.tally_keys(c.part_id, c.stance, c.region, c.channel, c.topic_ids, c.day) k
    LEFT JOIN kenes.tally_cell cell ON cell.consultation_id = c.consultation_id AND cell.key = k.key
    WHERE c.submitter IS NOT NULL AND c.proposals <> 0),
-- Update and insert apart, not INSERT ... ON CONFLICT: that checks the constraints (never
-- below zero) on the delta it proposes to insert, before it finds the row to add it to.
day_update AS (
    UPDATE kenes.tally_day d
    SET proposals = d.proposals + x.proposals, supports = d.supports + x.supports
    FROM day_delta x WHERE d.cell_id = x.cell_id AND d.day = x.day
    RETURNING d.cell_id, d.day, d.proposals, d.supports),
-- The rows day_update did not find are the ones to insert (a hash of what it returned, where
-- asking tally_day again cost an index probe per row).
day_insert AS (
    INSERT INTO kenes.tally_day (cell_id, day, proposals, supports)
    SELECT x.cell_id, x.day, x.proposals, x.supports FROM day_delta x
    WHERE NOT EXISTS (SELECT FROM day_update u WHERE u.cell_id = x.cell_id AND u.day = x.day)),
-- People: a person counts in a cell while they have a counted proposal there, and in a
-- period of days for their first day in it (the people pairs, migration 039). For each person,
-- cell and day this batch touches: the change, and that person's counted days in the cell
-- before and after it.
person_delta AS (
    SELECT l.cell_id, l.submitter, l.day, sum(l.proposals) AS n
    FROM person_located l
    WHERE l.cell_id IS NOT NULL
    GROUP BY l.cell_id, l.submitter, l.day
    HAVING sum(l.proposals) <> 0),
person_before AS (
    SELECT cell.id AS cell_id, a.submitter, a.day, count(*) AS n
    FROM kenes.tally_applied a
    CROSS JOIN LATERAL kenes.tally_keys(a.part_id, a.stance, a.region, a.channel, a.topic_ids, a.day) k
    JOIN kenes.tally_cell cell ON cell.consultation_id = a.consultation_id AND cell.key = k.key
    WHERE a.submitter IN (SELECT DISTINCT d.submitter FROM person_delta d)
      AND (cell.id, a.submitter) IN (SELECT d.cell_id, d.submitter FROM person_delta d)
    GROUP BY cell.id, a.submitter, a.day),
person_after AS (
    SELECT x.cell_id, x.submitter, x.day
    FROM (SELECT b.cell_id, b.submitter, b.day, b.n FROM person_before b
          UNION ALL
          SELECT d.cell_id, d.submitter, d.day, d.n FROM person_delta d) AS x
    GROUP BY x.cell_id, x.submitter, x.day
    HAVING sum(x.n) > 0),
-- Each such person's pairs as they were, taken out, and as they are now, put in.
pair_delta AS (
    SELECT y.cell_id, y.day, y.prev_day, sum(y.people) AS people
    FROM (SELECT b.cell_id, b.day, -1 AS people,
                 coalesce(lag(b.day) OVER (PARTITION BY b.cell_id, b.submitter ORDER BY b.day),
                          '-infinity') AS prev_day
          FROM person_before b
          UNION ALL
          SELECT f.cell_id, f.day, 1,
                 coalesce(lag(f.day) OVER (PARTITION BY f.cell_id, f.submitter ORDER BY f.day),
                          '-infinity')
          FROM person_after f) AS y
    GROUP BY y.cell_id, y.day, y.prev_day
    HAVING sum(y.people) <> 0),
-- A row that falls to zero is deleted, others updated, new ones inserted: three disjoint sets
-- of rows, each decided on the rows as they were before the statement.
pair_gone AS (
    DELETE FROM kenes.tally_people_day t USING pair_delta x
    WHERE t.cell_id = x.cell_id AND t.day = x.day AND t.prev_day = x.prev_day
      AND t.people + x.people = 0),
pair_update AS (
    UPDATE kenes.tally_people_day t SET people = t.people + x.people
    FROM pair_delta x
    WHERE t.cell_id = x.cell_id AND t.day = x.day AND t.prev_day = x.prev_day
      AND t.people + x.people <> 0),
pair_insert AS (
    INSERT INTO kenes.tally_people_day (cell_id, day, prev_day, people)
    SELECT x.cell_id, x.day, x.prev_day, x.people FROM pair_delta x
    WHERE NOT EXISTS (SELECT FROM kenes.tally_people_day t
                      WHERE t.cell_id = x.cell_id AND t.day = x.day AND t.prev_day = x.prev_day)),
-- A person's first day in a cell is their one pair with no day before.
people_delta AS (
    SELECT x.cell_id, sum(x.people) AS people
    FROM pair_delta x WHERE x.prev_day = '-infinity'
    GROUP BY x.cell_id),
cell_delta AS (
    SELECT x.cell_id, sum(x.proposals) AS proposals, sum(x.people) AS people,
           sum(x.supports) AS supports
    FROM (SELECT cell_id, proposals, 0 AS people, supports FROM day_delta
          UNION ALL
          SELECT cell_id, 0, people, 0 FROM people_delta) AS x
    GROUP BY x.cell_id
    HAVING sum(x.proposals) <> 0 OR sum(x.people) <> 0 OR sum(x.supports) <> 0),
cell_update AS (
    UPDATE kenes.tally_cell c
    SET proposals = c.proposals + x.proposals, people = c.people + x.people,
        supports = c.supports + x.supports
    FROM cell_delta x WHERE c.id = x.cell_id),
-- The state now counted. Rows written and rows deleted below never overlap.
applied_gone AS (
    DELETE FROM kenes.tally_applied a USING whole w
    WHERE a.proposal_id = w.proposal_id
      AND NOT EXISTS (SELECT FROM new_p n WHERE n.proposal_id = a.proposal_id)),
applied_set AS (
    INSERT INTO kenes.tally_applied AS a
        (proposal_id, consultation_id, part_id, stance, region, channel, day, submitter, topic_ids)
    SELECT n.proposal_id, n.consultation_id, n.part_id, n.stance, n.region, n.channel, n.day,
           n.submitter, n.topic_ids
    FROM new_p n
    ON CONFLICT (proposal_id) DO UPDATE
    SET consultation_id = excluded.consultation_id, part_id = excluded.part_id,
        stance = excluded.stance, region = excluded.region, channel = excluded.channel,
        day = excluded.day, submitter = excluded.submitter, topic_ids = excluded.topic_ids
    WHERE (a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.day, a.submitter,
           a.topic_ids)
          IS DISTINCT FROM
          (excluded.consultation_id, excluded.part_id, excluded.stance, excluded.region,
           excluded.channel, excluded.day, excluded.submitter, excluded.topic_ids)),
new_s AS (
    SELECT * FROM new_s_whole UNION ALL SELECT * FROM new_s_days),
supports_gone AS (
    DELETE FROM kenes.tally_applied_support s
    USING (SELECT proposal_id, day FROM old_s) AS o
    WHERE s.proposal_id = o.proposal_id AND s.day = o.day
      AND NOT EXISTS (SELECT FROM new_s n WHERE n.proposal_id = s.proposal_id AND n.day = s.day)),
supports_set AS (
    INSERT INTO kenes.tally_applied_support AS s (proposal_id, day, supports)
    SELECT n.proposal_id, n.day, n.supports FROM new_s n
    ON CONFLICT (proposal_id, day) DO UPDATE SET supports = excluded.supports
    WHERE s.supports <> excluded.supports),
-- The Kazakh words of the proposals recounted, hidden ones too, for the staff search's similar
-- words (sql/queries/staff_search_kk.sql). A word once seen stays.
words_set AS (
    INSERT INTO kenes.search_word (word)
    SELECT DISTINCT x.word
    FROM kenes.proposal p JOIN whole w ON w.proposal_id = p.id
    CROSS JOIN LATERAL unnest(tsvector_to_array(p.fts)) AS x(word)
    WHERE p.lang = 'kk'
    ON CONFLICT DO NOTHING)
SELECT (SELECT count(*) FROM taken) AS consumed,
       (SELECT count(*) FROM whole) AS proposals,
       (SELECT count(*) FROM support_days) AS support_days,
       (SELECT count(*) FROM located WHERE cell_id IS NULL)
       + (SELECT count(*) FROM person_located WHERE cell_id IS NULL) AS unplaced,
       (SELECT coalesce(array_agg(z.cell_id ORDER BY z.cell_id, z.day), '{}')
        FROM day_update z WHERE z.proposals = 0 AND z.supports = 0) AS zero_cells,
       (SELECT coalesce(array_agg(z.day ORDER BY z.cell_id, z.day), '{}')
        FROM day_update z WHERE z.proposals = 0 AND z.supports = 0) AS zero_days
