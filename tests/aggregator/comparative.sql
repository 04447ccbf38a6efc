-- tests/aggregator/comparative.sql: the comparative table's counts against a recount that
-- does not use kenes.position_placement nor kenes.comparative_table. comparative.sh placed
-- the proposals by rules (below, in plain SQL) through kenes.position_act; here the rules
-- say where each proposal must be, and its counts are made from the proposals themselves.
-- Prints "positions expected=N differ=M" and "unplaced expected=N differ=M".
\set ON_ERROR_STOP on
CREATE TEMP TABLE table_doc AS
SELECT kenes.comparative_table(v.id) AS doc FROM kenes.draft_version v WHERE v.is_current;

-- Where each proposal must be: the rules of comparative.sh.
CREATE TEMP TABLE expect_member AS
SELECT po.id AS position_id, x.*
FROM public.test_position po
JOIN kenes.proposal x ON x.part_id = po.part_id
LEFT JOIN public.test_campaign tc ON tc.proposal_id = x.id
WHERE CASE po.kind
      WHEN 'S' THEN (x.stance = 'support' AND x.id % 7 <> 0) OR (tc.proposal_id IS NOT NULL AND x.id % 13 = 0)
      WHEN 'O' THEN (x.stance = 'oppose' OR (x.stance = 'support' AND x.id % 7 = 0)) AND x.id % 11 <> 0
                    AND tc.proposal_id IS NULL
      WHEN 'C' THEN tc.proposal_id IS NOT NULL AND x.id % 13 <> 0 END;

CREATE TEMP TABLE expect_count AS
SELECT po.id AS position_id, s.stance,
       count(m.id) AS proposals,
       count(DISTINCT coalesce(-tc.campaign_id, m.id)) AS texts,
       count(DISTINCT m.submitter) AS people,  -- anonymous is no person
       coalesce(sum(m.support_count), 0) AS supports
FROM public.test_position po
CROSS JOIN (VALUES ('all'), ('support'), ('oppose'), ('amend')) AS s(stance)
LEFT JOIN expect_member m ON m.position_id = po.id AND m.status = 'published'
     AND (s.stance = 'all' OR m.stance = s.stance)
LEFT JOIN public.test_campaign tc ON tc.proposal_id = m.id
GROUP BY po.id, s.stance;

CREATE TEMP TABLE got_count AS
SELECT (p->>'id')::bigint AS position_id, s.stance,
       (c->>'proposals')::bigint AS proposals, (c->>'texts')::bigint AS texts,
       (c->>'people')::bigint AS people, (c->>'supports')::bigint AS supports
FROM table_doc d
CROSS JOIN jsonb_array_elements(d.doc->'parts') part
CROSS JOIN jsonb_array_elements(part->'positions') p
CROSS JOIN (VALUES ('all'), ('support'), ('oppose'), ('amend')) AS s(stance)
CROSS JOIN LATERAL (SELECT CASE s.stance WHEN 'all' THEN p->'counts' ELSE p#>ARRAY['counts', 'stances', s.stance] END) AS x(c);

SELECT format('positions expected=%s differ=%s', (SELECT count(*) FROM expect_count),
              (SELECT count(*) FROM ((TABLE expect_count EXCEPT TABLE got_count)
                                     UNION ALL (TABLE got_count EXCEPT TABLE expect_count)) d));

CREATE TEMP TABLE expect_unplaced AS
SELECT kenes.part_target(pt) AS part,
       count(x.id) FILTER (WHERE x.status = 'published' AND em.id IS NULL) AS unplaced
FROM kenes.part pt JOIN kenes.draft_version v ON v.id = pt.version_id AND v.is_current
LEFT JOIN kenes.proposal x ON x.part_id = pt.id
LEFT JOIN (SELECT DISTINCT id FROM expect_member) em ON em.id = x.id
GROUP BY pt.id;
CREATE TEMP TABLE got_unplaced AS
SELECT part->>'part' AS part, (part->>'unplaced')::bigint AS unplaced
FROM table_doc d CROSS JOIN jsonb_array_elements(d.doc->'parts') part;
SELECT format('unplaced expected=%s differ=%s', (SELECT count(*) FROM expect_unplaced),
              (SELECT count(*) FROM ((TABLE expect_unplaced EXCEPT TABLE got_unplaced)
                                     UNION ALL (TABLE got_unplaced EXCEPT TABLE expect_unplaced)) d));
