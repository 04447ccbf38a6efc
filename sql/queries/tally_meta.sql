-- The tallies API: which consultation, and what the tallies are. $1 consultation slug, or
-- NULL for the only one not in draft, or with several, the only open one  $2 first day or
-- NULL  $3 last day or NULL (cast here, so that a date that does not exist fails with
-- SQLSTATE 22008 before any work).
-- Columns: consultation id, slug, how many matched (the caller wants exactly 1), time zone
-- and refresh time (ISO 8601 UTC) of the tallies (NULL when never refreshed), the two days,
-- and what the tallies' pages are made from (fcgi/memo.h): the refresh to the microsecond and
-- today's date in the tallies' zone (whose last seven days the dashboard compares).
SELECT min(ch.id), min(ch.slug), count(*),
       (SELECT s.time_zone FROM kenes.tally_state s),
       (SELECT to_char(s.refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        FROM kenes.tally_state s),
       $2::date, $3::date,
       (SELECT s.refreshed_at::text || ' ' || (pg_catalog.now() AT TIME ZONE s.time_zone)::date::text
        FROM kenes.tally_state s)
FROM kenes.consultation_chosen($1::text) ch
