-- Creates the cells that do not exist yet: every part (of every draft version), topic,
-- region and channel of every consultation, each part x topic, part x region and part x
-- channel, and every ISO week from the consultation's opening (or its earliest proposal) to
-- now (or its latest proposal or queued support), each for the three stances and 'all'.
-- Reads the structure, the ends of the proposal_created index and the queue, never the proposals themselves. With $2 (full
-- rebuild) it also covers the dates of every support.
-- $1 time zone  $2 full rebuild (boolean). Returns the number of cells created.
WITH bounds AS (
    SELECT c.id AS consultation_id,
           least((c.opens_at AT TIME ZONE $1::text)::date,
                 (SELECT (min(p.created_at) AT TIME ZONE $1::text)::date
                  FROM kenes.proposal p WHERE p.consultation_id = c.id)) AS first_day,
           greatest((pg_catalog.now() AT TIME ZONE $1::text)::date,
                    (SELECT (max(p.created_at) AT TIME ZONE $1::text)::date
                     FROM kenes.proposal p WHERE p.consultation_id = c.id)) AS last_day
    FROM kenes.consultation c),
-- The days supports were given: those in the queue, and with $2 every support. One look at
-- them without a join tells whether any lies outside the bounds above (supports come after
-- their proposal and before now, so normally none does); only then are they joined to their
-- proposals for each consultation's own (joining every support was once most of a rebuild).
given AS (
    SELECT (min(g.at) AT TIME ZONE $1::text)::date AS first_day,
           (max(g.at) AT TIME ZONE $1::text)::date AS last_day
    FROM (SELECT q.support_at FROM kenes.tally_change q WHERE q.support_at IS NOT NULL
          UNION ALL
          SELECT s.created_at FROM kenes.support s WHERE $2::boolean) AS g(at)),
given_by_consultation AS (
    SELECT p.consultation_id, g.at
    FROM (SELECT q.proposal_id, q.support_at FROM kenes.tally_change q WHERE q.support_at IS NOT NULL
          UNION ALL
          SELECT s.proposal_id, s.created_at FROM kenes.support s WHERE $2::boolean) AS g(proposal_id, at)
    JOIN kenes.proposal p ON p.id = g.proposal_id),
span AS (
    SELECT b.consultation_id,
           least(b.first_day,
                 CASE WHEN g.first_day < b.first_day THEN
                     (SELECT (min(x.at) AT TIME ZONE $1::text)::date FROM given_by_consultation x
                      WHERE x.consultation_id = b.consultation_id) END) AS first_day,
           greatest(b.last_day,
                    CASE WHEN g.last_day > b.last_day THEN
                        (SELECT (max(x.at) AT TIME ZONE $1::text)::date FROM given_by_consultation x
                         WHERE x.consultation_id = b.consultation_id) END) AS last_day
    FROM bounds b CROSS JOIN given g),
keys (consultation_id, dim, part_id, topic_id, region, channel, week) AS (
    SELECT c.id, 'total', NULL::integer, NULL::integer, NULL::text, NULL::text, NULL::date
    FROM kenes.consultation c
    UNION ALL
    SELECT v.consultation_id, 'part', p.id, NULL, NULL, NULL, NULL
    FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id
    UNION ALL
    SELECT t.consultation_id, 'topic', NULL, t.id, NULL, NULL, NULL
    FROM kenes.topic t
    UNION ALL
    SELECT c.id, 'region', NULL, NULL, r.code, NULL, NULL
    FROM kenes.consultation c CROSS JOIN kenes.region r
    UNION ALL
    SELECT c.id, 'channel', NULL, NULL, NULL, ch.code, NULL
    FROM kenes.consultation c CROSS JOIN kenes.channel ch
    UNION ALL
    SELECT v.consultation_id, 'part_region', p.id, NULL, r.code, NULL, NULL
    FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id CROSS JOIN kenes.region r
    UNION ALL
    SELECT v.consultation_id, 'part_channel', p.id, NULL, NULL, ch.code, NULL
    FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id CROSS JOIN kenes.channel ch
    UNION ALL
    SELECT v.consultation_id, 'part_topic', p.id, t.id, NULL, NULL, NULL
    FROM kenes.part p
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN kenes.topic t ON t.consultation_id = v.consultation_id
    UNION ALL
    SELECT s.consultation_id, 'week', NULL, NULL, NULL, NULL, w.monday::date
    FROM span s
    CROSS JOIN LATERAL pg_catalog.generate_series(
        s.first_day - (extract(isodow FROM s.first_day)::integer - 1),
        s.last_day, interval '7 days') AS w(monday)),
created AS (
    INSERT INTO kenes.tally_cell (consultation_id, dim, part_id, topic_id, region, channel, week, stance)
    SELECT k.consultation_id, k.dim, k.part_id, k.topic_id, k.region, k.channel, k.week, st.stance
    FROM keys k
    CROSS JOIN (VALUES ('support'), ('oppose'), ('amend'), ('all')) AS st(stance)
    WHERE NOT EXISTS (
        SELECT FROM kenes.tally_cell c
        WHERE c.consultation_id = k.consultation_id
          AND c.key = kenes.tally_cell_key(k.dim, k.part_id, k.topic_id, k.region, k.channel,
                                           k.week, st.stance))
    ON CONFLICT (consultation_id, key) DO NOTHING
    RETURNING 1)
SELECT count(*) FROM created
