-- Tallies per ISO week (local to the tallies' time zone). $1 consultation id  $2 first day
-- or NULL  $3 last day or NULL (a week partly outside them counts only its days inside)
-- $4 stance or NULL. Only weeks that overlap the range and are not in the future.
-- Columns: key (2026-W05), label kk/ru/en (its Monday and Sunday), stance, proposals,
-- people, supports.
SELECT to_char(c.week, 'IYYY-"W"IW'), x.span, x.span, x.span, c.stance, t.proposals, t.people,
       t.supports
FROM kenes.tally_between($1::integer, 'week', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
CROSS JOIN LATERAL (SELECT c.week::text || '/' || (c.week + 6)::text AS span) AS x
WHERE ($4::text IS NULL OR c.stance = $4::text)
  AND c.week + 6 >= coalesce($2::date, '-infinity') AND c.week <= coalesce($3::date, 'infinity')
  AND c.week <= (SELECT (pg_catalog.now() AT TIME ZONE s.time_zone)::date FROM kenes.tally_state s)
ORDER BY c.week, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
