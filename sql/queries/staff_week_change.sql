-- The dashboard's last seven local days against the seven before (the tallies' time zone),
-- from the same tallies as /api/v1/tallies. $1 consultation id.
-- Columns: proposals, people, supports of the last seven days, then of the seven before
-- (0 for a week without data), then the first and last day of the last seven.
WITH d AS (SELECT (pg_catalog.now() AT TIME ZONE s.time_zone)::date AS today FROM kenes.tally_state s),
w AS (
    SELECT k.n, t.proposals, t.people, t.supports
    FROM d CROSS JOIN (VALUES (0), (1)) AS k(n)
    CROSS JOIN LATERAL kenes.tally_between($1::integer, 'total', d.today - 6 - 7 * k.n, d.today - 7 * k.n) t
    JOIN kenes.tally_cell c ON c.id = t.cell_id AND c.consultation_id = $1::integer AND c.dim = 'total'
     AND c.stance = 'all')
SELECT coalesce(max(proposals) FILTER (WHERE n = 0), 0), coalesce(max(people) FILTER (WHERE n = 0), 0),
       coalesce(max(supports) FILTER (WHERE n = 0), 0), coalesce(max(proposals) FILTER (WHERE n = 1), 0),
       coalesce(max(people) FILTER (WHERE n = 1), 0), coalesce(max(supports) FILTER (WHERE n = 1), 0),
       (SELECT today - 6 FROM d), (SELECT today FROM d)
FROM w
