-- A part's weekly trend for the staff part page (fcgi/staff_parts.c): proposals, supports
-- and people per ISO week (local to the tallies' time zone), each week clipped to the period.
-- Proposals and supports are the part cells' stored days (kenes.tally_day), the very rows
-- kenes.tally_between adds up for /api/v1/tallies?by=part&from=MONDAY&to=SUNDAY, and people
-- are summed from the same cells' people pairs as it sums them (migration 039). The weeks are
-- those of tally_week.sql: overlapping the period, none in the future.
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 first day or
--   NULL  $5 last day or NULL  $6 stance or NULL (then 'all' and every stance)
-- Columns: week (2026-W05), first and last day counted, stance, proposals, supports, people.
WITH cells AS MATERIALIZED (
    SELECT c.id, c.stance, c.part_id
    FROM kenes.draft_version v
    JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
    JOIN kenes.tally_cell c ON c.consultation_id = $1::integer AND c.dim = 'part' AND c.part_id = pt.id
    WHERE v.consultation_id = $1::integer AND v.number = $3::integer
      AND ($6::text IS NULL OR c.stance = $6::text)),
weeks AS (
    SELECT w.week, greatest(w.week, coalesce($4::date, w.week)) AS first_day,
           least(w.week + 6, coalesce($5::date, w.week + 6)) AS last_day
    FROM kenes.tally_cell w
    WHERE w.consultation_id = $1::integer AND w.dim = 'week' AND w.stance = 'all'
      AND w.week + 6 >= coalesce($4::date, '-infinity') AND w.week <= coalesce($5::date, 'infinity')
      AND w.week <= (SELECT (pg_catalog.now() AT TIME ZONE s.time_zone)::date FROM kenes.tally_state s))
SELECT to_char(w.week, 'IYYY-"W"IW'), w.first_day, w.last_day, c.stance,
       coalesce(sum(d.proposals), 0), coalesce(sum(d.supports), 0),
       coalesce((SELECT sum(x.people) FROM kenes.tally_people_day x
                 WHERE x.cell_id = c.id AND x.day BETWEEN w.first_day AND w.last_day
                   AND (x.prev_day = '-infinity' OR x.prev_day < w.first_day)), 0)
FROM weeks w
CROSS JOIN cells c
LEFT JOIN kenes.tally_day d ON d.cell_id = c.id AND d.day BETWEEN w.first_day AND w.last_day
GROUP BY w.week, w.first_day, w.last_day, c.id, c.stance
ORDER BY w.week, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
