-- Tallies per ISO week (local to the tallies' time zone). $1 consultation id  $2 first day
-- or NULL  $3 last day or NULL (a week partly outside them counts only its days inside)
-- $4 stance or NULL. Only weeks that overlap the range and are not in the future.
-- Columns: key (2026-W05), label kk/ru/en (its Monday and Sunday), stance, proposals,
-- people, supports.
SELECT to_char(t.week, 'IYYY-"W"IW'), x.span, x.span, x.span, t.stance, t.proposals, t.people,
       t.supports
FROM kenes.tally_rows($1::integer, 'week', $2::date, $3::date, $4::text) t
CROSS JOIN LATERAL (SELECT t.week::text || '/' || (t.week + 6)::text AS span) AS x
WHERE t.week + 6 >= coalesce($2::date, '-infinity') AND t.week <= coalesce($3::date, 'infinity')
  AND t.week <= (SELECT (pg_catalog.now() AT TIME ZONE s.time_zone)::date FROM kenes.tally_state s)
ORDER BY t.week, t.stance_rank
