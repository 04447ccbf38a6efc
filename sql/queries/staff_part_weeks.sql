-- A part's weekly trend for the staff part page (fcgi/staff_parts.c): proposals, supports
-- and people per ISO week (local to the tallies' time zone), each week clipped to the period.
-- Proposals and supports are the part cells' stored days (kenes.tally_day), the very rows
-- kenes.tally_between adds up for /api/v1/tallies?by=part&from=MONDAY&to=SUNDAY; people are
-- what it counts for those days (below). The weeks are those of tally_week.sql: overlapping
-- the period, none in the future.
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
-- A week the period clips (its first or last) counts its people for its days from the
-- per-proposal state (kenes.tally_part_weekly_people, this part only); a whole week reads
-- them stored in the part x week cell (migration 038), as the API does for those days.
clipped AS (
    SELECT x.week, x.stance, x.people
    FROM kenes.tally_part_weekly_people((SELECT min(c.part_id) FROM cells c), $4::date,
             least($5::date, $4::date - (extract(isodow FROM $4::date)::integer - 1) + 6)) x
    WHERE extract(isodow FROM $4::date) <> 1
    UNION
    SELECT x.week, x.stance, x.people
    FROM kenes.tally_part_weekly_people((SELECT min(c.part_id) FROM cells c),
             greatest($4::date, $5::date - (extract(isodow FROM $5::date)::integer - 1)), $5::date) x
    WHERE extract(isodow FROM $5::date) <> 7)
SELECT to_char(w.week, 'IYYY-"W"IW'), w.first_day, w.last_day, c.stance,
       coalesce(sum(d.proposals), 0), coalesce(sum(d.supports), 0),
       coalesce(CASE WHEN w.first_day = w.week AND w.last_day = w.week + 6
                     THEN (SELECT pw.people FROM kenes.tally_cell pw
                           WHERE pw.consultation_id = $1::integer
                             AND pw.key = kenes.tally_cell_key('part_week', c.part_id, NULL, NULL, NULL,
                                                               w.week, c.stance))
                     ELSE (SELECT x.people FROM clipped x WHERE x.week = w.week AND x.stance = c.stance) END, 0)
FROM weeks w
CROSS JOIN cells c
LEFT JOIN kenes.tally_day d ON d.cell_id = c.id AND d.day BETWEEN w.first_day AND w.last_day
GROUP BY w.week, w.first_day, w.last_day, c.stance, c.part_id
ORDER BY w.week, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
