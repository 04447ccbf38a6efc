-- Generates a deterministic data set for the aggregator's tests, spread across parts, stances,
-- topics, regions, channels, weeks and people, with supports, some hidden proposals and
-- anonymous ones. Pseudo-random choices come from hashint8extended(i, salt), so the same
-- parameters always give the same rows.
--
--   psql -v proposals=100000 -v supports=200000 -v first=1 -f tests/aggregator/generate.sql
--
-- first: the number of the first generated proposal (run again with first=proposals+1 to add
-- more). Proposals are dated over `days` (optional, default 294: to 2026-11-20) from the
-- consultation's opening, 2026-01-30, supports up to 30 days after their proposal; a third
-- are anonymous, the others come from a pool of people a third the size of the batch (so
-- many people write several proposals).
--
-- bulk=1 (optional): the first load of an empty database that is then rebuilt from scratch
-- (its first refresh): rows go in without triggers (session_replication_role = replica), so
-- without the foreign-key checks, one query per inserted row (most of the time at 100k
-- proposals), and without queue rows, which a rebuild drops unread anyway. Every row here
-- references ids this script just read or wrote, so no check could fail. Without bulk
-- (later loads, which an incremental refresh must find in the queue) every trigger fires.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
\if :{?bulk}
\else
\set bulk 0
\endif
\if :{?days}
\else
\set days 294
\endif
SELECT :'bulk' = '1' AS bulk \gset
\if :bulk
SET session_replication_role = replica;
-- Test data for a throwaway database: nothing waits on its commit (this session only; other
-- suites load without bulk, where a crash or a standby may be what they test).
SET synchronous_commit = off;
\endif

CREATE FUNCTION pg_temp.pick(i bigint, salt bigint, n integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT (abs(hashint8extended(i, salt)) % n)::integer $$;

CREATE TEMP TABLE gen_part AS
SELECT row_number() OVER (ORDER BY p.ordinal) - 1 AS n, p.id, v.id AS version_id, v.consultation_id
FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id AND v.is_current
JOIN kenes.consultation c ON c.id = v.consultation_id AND c.slug = 'constitution-2026';
CREATE TEMP TABLE gen_topic AS
SELECT row_number() OVER (ORDER BY t.ordinal) - 1 AS n, t.id
FROM kenes.topic t JOIN kenes.consultation c ON c.id = t.consultation_id AND c.slug = 'constitution-2026';
CREATE TEMP TABLE gen_region AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM kenes.region;

-- The supports are inserted in one statement below; the per-row support_count trigger is
-- replaced by one UPDATE for speed (the tallies' own triggers stay on).
ALTER TABLE kenes.support DISABLE TRIGGER support_count;

CREATE TEMP TABLE gen_new AS
WITH g AS (
    SELECT i, pg_temp.pick(i, 1, 100) AS hot FROM generate_series(:first::bigint, :first::bigint + :proposals - 1) AS i)
SELECT g.i,
       -- a fifth of everything is about article 4; the rest spreads over all parts
       CASE WHEN g.hot < 20 THEN (SELECT n FROM gen_part p WHERE p.id = (SELECT id FROM kenes.part
                WHERE kind = 'article' AND number = 4 AND version_id = (SELECT version_id FROM gen_part LIMIT 1)))
            ELSE pg_temp.pick(g.i, 2, (SELECT count(*)::integer FROM gen_part)) END AS part_n,
       (ARRAY['support', 'oppose', 'amend'])[1 + pg_temp.pick(g.i, 3, 3)] AS stance,
       pg_temp.pick(g.i, 4, 22) AS region_n,
       (ARRAY['web', 'api', 'import'])[1 + pg_temp.pick(g.i, 5, 3)] AS channel,
       (ARRAY['kk', 'ru', 'en'])[1 + pg_temp.pick(g.i, 6, 3)] AS lang,
       timestamptz '2026-01-30 00:00+05' + pg_temp.pick(g.i, 7, :days * 86400) * interval '1 second' AS created_at,
       CASE WHEN pg_temp.pick(g.i, 8, 3) = 0 THEN NULL
            ELSE sha256(('person-' || pg_temp.pick(g.i, 9, greatest(:proposals / 3, 1)))::bytea) END AS submitter,
       CASE WHEN pg_temp.pick(g.i, 10, 50) = 0 THEN 'hidden' ELSE 'published' END AS status
FROM g;

CREATE TEMP TABLE gen_ids (i bigint, id bigint);
WITH ins AS (
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, proposed_wording,
                                lang, region, channel, status, submitter, created_at)
    SELECT p.consultation_id, p.version_id, p.id, n.stance, 'Generated proposal ' || n.i,
           CASE WHEN n.stance = 'amend' THEN 'Wording ' || n.i END, n.lang, r.code, n.channel,
           n.status, n.submitter, n.created_at
    FROM gen_new n JOIN gen_part p ON p.n = n.part_n JOIN gen_region r ON r.n = n.region_n
    ORDER BY n.i
    RETURNING id, text)
INSERT INTO gen_ids SELECT substr(text, 20)::bigint, id FROM ins;

-- 0 to 3 topics each
INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
SELECT DISTINCT g.id, t.id
FROM gen_ids g
CROSS JOIN LATERAL generate_series(1, pg_temp.pick(g.i, 11, 4)) AS j
JOIN gen_topic t ON t.n = pg_temp.pick(g.i * 8 + j, 12, 14);

-- supports: most on a few popular proposals, by distinct people, up to 30 days after the
-- proposal and never in the future
INSERT INTO kenes.support (proposal_id, supporter, created_at)
SELECT g.id, sha256(('supporter-' || :first || '-' || s)::bytea),
       least(n.created_at + pg_temp.pick(s, 14, 30 * 86400) * interval '1 second', now())
FROM generate_series(1, :supports) AS s
JOIN gen_ids g ON g.i = :first + CASE WHEN pg_temp.pick(s, 13, 2) = 0
                                      THEN pg_temp.pick(s, 15, least(:proposals, 200))
                                      ELSE pg_temp.pick(s, 16, :proposals) END
JOIN gen_new n ON n.i = g.i
ON CONFLICT DO NOTHING;

UPDATE kenes.proposal p SET support_count = x.n
FROM (SELECT proposal_id, count(*) AS n FROM kenes.support
      WHERE proposal_id IN (SELECT id FROM gen_ids) GROUP BY 1) AS x
WHERE p.id = x.proposal_id;
ALTER TABLE kenes.support ENABLE TRIGGER support_count;
