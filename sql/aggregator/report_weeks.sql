-- The weekly trend: every ISO week from the one holding $2 to the one holding $3, each
-- clipped to [$2, $3], with its totals (all stances). $1 consultation id.
-- A whole week reads its stored week cell; only a clipped first or last week is summed from
-- day rows (kenes.tally_between), so a report costs the same whatever the number of weeks.
-- Columns: Monday, first day, last day, proposals, people, supports.
WITH weeks AS (
    SELECT g.monday_ts::date AS monday,
           greatest(g.monday_ts::date, $2::date) AS first_day,
           least(g.monday_ts::date + 6, $3::date) AS last_day
    FROM pg_catalog.generate_series(($2::date - (extract(isodow FROM $2::date)::integer - 1))::timestamp,
                                    $3::date::timestamp, interval '7 days') AS g(monday_ts))
SELECT w.monday, w.first_day, w.last_day, coalesce(c.proposals, 0), coalesce(c.people, 0),
       coalesce(c.supports, 0)
FROM weeks w
LEFT JOIN kenes.tally_cell c ON c.consultation_id = $1::integer AND c.dim = 'week'
                            AND c.week = w.monday AND c.stance = 'all'
WHERE w.first_day = w.monday AND w.last_day = w.monday + 6
UNION ALL
SELECT w.monday, w.first_day, w.last_day, t.proposals, t.people, t.supports
FROM weeks w
CROSS JOIN LATERAL kenes.tally_between($1::integer, 'total', w.first_day, w.last_day) AS t
JOIN kenes.tally_cell c ON c.id = t.cell_id AND c.stance = 'all'
WHERE w.first_day <> w.monday OR w.last_day <> w.monday + 6
ORDER BY 1
