-- A part's weekly trend for the staff part page (fcgi/staff_parts.c): proposals, supports
-- and people per ISO week (local to the tallies' time zone), each week clipped to the period.
-- Proposals and supports are the part cells' stored days (kenes.tally_day), the very rows
-- kenes.tally_between adds up for /api/v1/tallies?by=part&from=MONDAY&to=SUNDAY; people
-- are what it counts for those days from the per-proposal state, for all the part's weeks
-- in one pass (kenes.tally_part_weekly_people; tally_between would count every part's, ~0.1 s
-- a week at 100,000 proposals). The weeks are those of tally_week.sql: overlapping the
-- period, none in the future.
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 first day or
--   NULL  $5 last day or NULL  $6 stance or NULL (then 'all' and every stance)
-- Columns: week (2026-W05), first and last day counted, stance, proposals, supports, people.
WITH cells AS (
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
      AND w.week <= (SELECT (pg_catalog.now() AT TIME ZONE s.time_zone)::date FROM kenes.tally_state s)),
people AS (
    SELECT x.week, x.stance, x.people
    FROM kenes.tally_part_weekly_people((SELECT min(c.part_id) FROM cells c), $4::date, $5::date) x)
SELECT to_char(w.week, 'IYYY-"W"IW'), w.first_day, w.last_day, c.stance,
       coalesce(sum(d.proposals), 0), coalesce(sum(d.supports), 0),
       coalesce((SELECT x.people FROM people x WHERE x.week = w.week AND x.stance = c.stance), 0)
FROM weeks w
CROSS JOIN cells c
LEFT JOIN kenes.tally_day d ON d.cell_id = c.id AND d.day BETWEEN w.first_day AND w.last_day
GROUP BY w.week, w.first_day, w.last_day, c.stance
ORDER BY w.week, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
