-- An independent recount: every tally recomputed from the raw rows (published proposals,
-- their topics, their supports) with plain GROUP BY queries that share nothing with the
-- aggregator's statements or functions, then compared with what the aggregator stored, per
-- cell (all-time proposals, people, supports) and per day (proposals, supports).
--
-- Prints "cells expected=N differ=D", "days expected=N differ=D" and "periods expected=N
-- differ=D" (people over four periods; D counts rows missing on either side or with other
-- numbers; zero rows left by withdrawn supports are ignored),
-- a "totals" line, and up to 10 sample differences. The test fails unless every D is 0.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;
SET work_mem = '256MB';

-- Every counted event: a published proposal on its local day, or a support of one on the
-- local day it was given.
CREATE TEMP TABLE ev AS
WITH pub AS (
    SELECT p.id, p.consultation_id, p.part_id, p.stance, p.region, p.channel, p.submitter,
           (p.created_at AT TIME ZONE (SELECT time_zone FROM kenes.tally_state))::date AS day
    FROM kenes.proposal p WHERE p.status = 'published')
SELECT id, consultation_id, part_id, stance, region, channel, submitter, day,
       1 AS is_proposal
FROM pub
UNION ALL
SELECT pub.id, pub.consultation_id, pub.part_id, pub.stance, pub.region, pub.channel, NULL,
       (s.created_at AT TIME ZONE (SELECT time_zone FROM kenes.tally_state))::date, 0
FROM kenes.support s JOIN pub ON pub.id = s.proposal_id;

CREATE TEMP TABLE ev_topic AS
SELECT ev.*, pt.topic_id FROM ev JOIN kenes.proposal_topic pt ON pt.proposal_id = ev.id;

-- One key per dimension, as text: what each event counts under.
CREATE TEMP TABLE keyed AS
SELECT consultation_id, 'total' AS dim, '' AS key, stance, day, submitter, is_proposal FROM ev
UNION ALL SELECT consultation_id, 'part', part_id::text, stance, day, submitter, is_proposal FROM ev
UNION ALL SELECT consultation_id, 'region', region, stance, day, submitter, is_proposal FROM ev
UNION ALL SELECT consultation_id, 'channel', channel, stance, day, submitter, is_proposal FROM ev
UNION ALL SELECT consultation_id, 'part_region', part_id || '+' || region, stance, day, submitter,
                 is_proposal FROM ev
UNION ALL SELECT consultation_id, 'part_channel', part_id || '+' || channel, stance, day, submitter,
                 is_proposal FROM ev
UNION ALL SELECT consultation_id, 'week', date_trunc('week', day::timestamp)::date::text, stance, day,
                 submitter, is_proposal FROM ev
UNION ALL SELECT consultation_id, 'topic', topic_id::text, stance, day, submitter, is_proposal FROM ev_topic
UNION ALL SELECT consultation_id, 'part_topic', part_id || '+' || topic_id, stance, day, submitter,
                 is_proposal FROM ev_topic;

CREATE TEMP TABLE expect_stance_day AS
SELECT consultation_id, dim, key, stance, day, sum(is_proposal) AS proposals,
       sum(1 - is_proposal) AS supports
FROM keyed GROUP BY consultation_id, dim, key, stance, day;

-- 'all' is the sum of the three stances (proposals and supports add up; people do not).
CREATE TEMP TABLE expect_day AS
SELECT * FROM expect_stance_day
UNION ALL
SELECT consultation_id, dim, key, 'all', day, sum(proposals), sum(supports)
FROM expect_stance_day GROUP BY consultation_id, dim, key, day;

CREATE TEMP TABLE named AS SELECT * FROM keyed WHERE submitter IS NOT NULL;
CREATE TEMP TABLE expect_people AS
SELECT consultation_id, dim, key, stance, count(DISTINCT submitter) AS people
FROM named GROUP BY consultation_id, dim, key, stance
UNION ALL
SELECT consultation_id, dim, key, 'all', count(DISTINCT submitter)
FROM named GROUP BY consultation_id, dim, key;

-- The days summed first, then joined: a few thousand cells to join rather than every day.
CREATE TEMP TABLE expect_cell AS
SELECT d.consultation_id, d.dim, d.key, d.stance, d.proposals, coalesce(p.people, 0) AS people,
       d.supports
FROM (SELECT consultation_id, dim, key, stance, sum(proposals) AS proposals,
             sum(supports) AS supports
      FROM expect_day GROUP BY consultation_id, dim, key, stance) AS d
LEFT JOIN expect_people p USING (consultation_id, dim, key, stance);

CREATE TEMP TABLE stored_cell AS
SELECT c.id, c.consultation_id, c.dim,
       CASE c.dim WHEN 'total' THEN ''
                  WHEN 'part' THEN c.part_id::text
                  WHEN 'region' THEN c.region
                  WHEN 'channel' THEN c.channel
                  WHEN 'week' THEN c.week::text
                  WHEN 'topic' THEN c.topic_id::text
                  WHEN 'part_topic' THEN c.part_id || '+' || c.topic_id
                  WHEN 'part_region' THEN c.part_id || '+' || c.region
                  WHEN 'part_channel' THEN c.part_id || '+' || c.channel END AS key,
       c.stance, c.proposals, c.people, c.supports
FROM kenes.tally_cell c;
-- Statistics for the planner (a temp table has none): it is small, so the joins below hash
-- it rather than sort a million expected days by text to merge them.
ANALYZE stored_cell;

CREATE TEMP TABLE diff_cell AS
SELECT coalesce(e.dim, s.dim) AS dim, coalesce(e.key, s.key) AS key,
       coalesce(e.stance, s.stance) AS stance,
       e.proposals AS want_proposals, s.proposals AS got_proposals,
       e.people AS want_people, s.people AS got_people,
       e.supports AS want_supports, s.supports AS got_supports
FROM expect_cell e
FULL JOIN (SELECT * FROM stored_cell WHERE proposals <> 0 OR people <> 0 OR supports <> 0) AS s
  ON s.consultation_id = e.consultation_id AND s.dim = e.dim AND s.key = e.key AND s.stance = e.stance
WHERE (e.proposals, e.people, e.supports) IS DISTINCT FROM (s.proposals, s.people, s.supports);

-- Each expected day finds its stored cell by the cell's key (none: cell_id NULL, so it
-- matches no stored day and counts as a difference), then the stored day by (cell, day):
-- joining a million days on an id and a date, not on four columns of text.
CREATE TEMP TABLE expect_day_cell AS
SELECT e.*, c.id AS cell_id
FROM expect_day e
LEFT JOIN stored_cell c
  ON c.consultation_id = e.consultation_id AND c.dim = e.dim AND c.key = e.key AND c.stance = e.stance;

CREATE TEMP TABLE diff_day AS
SELECT coalesce(e.dim, c.dim) AS dim, coalesce(e.key, c.key) AS key,
       coalesce(e.stance, c.stance) AS stance, coalesce(e.day, s.day) AS day,
       e.proposals AS want_proposals, s.proposals AS got_proposals,
       e.supports AS want_supports, s.supports AS got_supports
FROM expect_day_cell e
FULL JOIN (SELECT d.cell_id, d.day, d.proposals, d.supports FROM kenes.tally_day d
           WHERE d.proposals <> 0 OR d.supports <> 0) AS s
  ON s.cell_id = e.cell_id AND s.day = e.day
LEFT JOIN stored_cell c ON c.id = s.cell_id
WHERE (e.proposals, e.supports) IS DISTINCT FROM (s.proposals, s.supports);

-- People over periods narrower than all time (kenes.tally_between sums them from the people
-- pairs, migration 039): a week from the fourth day, one day in the middle, everything up to
-- the middle and everything from it, for every dimension of every consultation.
CREATE TEMP TABLE period AS
WITH span AS (SELECT min(day) AS first_day, max(day) AS last_day FROM ev)
SELECT f, t FROM span, LATERAL (VALUES (first_day + 3, first_day + 9),
                                       (first_day + (last_day - first_day) / 2,
                                        first_day + (last_day - first_day) / 2),
                                       (NULL, first_day + (last_day - first_day) / 2),
                                       (first_day + (last_day - first_day) / 2 + 1, NULL)) AS v(f, t);

CREATE TEMP TABLE expect_period AS
SELECT p.f, p.t, n.consultation_id, n.dim, n.key, x.stance, count(DISTINCT n.submitter) AS people
FROM period p
JOIN named n ON n.day BETWEEN coalesce(p.f, '-infinity') AND coalesce(p.t, 'infinity')
CROSS JOIN LATERAL (VALUES (n.stance), ('all')) AS x(stance)
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TEMP TABLE stored_period AS
SELECT p.f, p.t, c.consultation_id, c.dim, c.key, c.stance, b.people
FROM period p
CROSS JOIN (SELECT DISTINCT consultation_id, dim FROM stored_cell) AS d
CROSS JOIN LATERAL kenes.tally_between(d.consultation_id, d.dim, p.f, p.t) AS b
JOIN stored_cell c ON c.id = b.cell_id
WHERE b.people <> 0;

CREATE TEMP TABLE diff_period AS
SELECT coalesce(e.f, s.f) AS f, coalesce(e.t, s.t) AS t, coalesce(e.dim, s.dim) AS dim,
       coalesce(e.key, s.key) AS key, coalesce(e.stance, s.stance) AS stance,
       e.people AS want_people, s.people AS got_people
FROM expect_period e
FULL JOIN stored_period s
  ON s.f IS NOT DISTINCT FROM e.f AND s.t IS NOT DISTINCT FROM e.t
 AND s.consultation_id = e.consultation_id AND s.dim = e.dim AND s.key = e.key AND s.stance = e.stance
WHERE e.people IS DISTINCT FROM s.people;

SELECT * FROM diff_cell ORDER BY dim, key, stance LIMIT 10;
SELECT * FROM diff_day ORDER BY dim, key, stance, day LIMIT 10;
SELECT * FROM diff_period ORDER BY f, t, dim, key, stance LIMIT 10;
SELECT format('cells expected=%s differ=%s', (SELECT count(*) FROM expect_cell),
              (SELECT count(*) FROM diff_cell));
SELECT format('days expected=%s differ=%s', (SELECT count(*) FROM expect_day),
              (SELECT count(*) FROM diff_day));
SELECT format('periods expected=%s differ=%s', (SELECT count(*) FROM expect_period),
              (SELECT count(*) FROM diff_period));
SELECT format('totals proposals=%s people=%s supports=%s', proposals, people, supports)
FROM expect_cell WHERE dim = 'total' AND stance = 'all';
