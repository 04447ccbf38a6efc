-- What `kenes-aggregator status` shows. $1 time zone (for today's date).
-- Columns: tallies' time zone, last refresh (UTC), last rebuild (UTC), changes applied since,
-- changes waiting, proposals counted, reports issued, today local to $1.
SELECT s.time_zone,
       to_char(s.refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(s.rebuilt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       s.changes,
       (SELECT count(*) FROM kenes.tally_change),
       (SELECT count(*) FROM kenes.tally_applied),
       (SELECT count(*) FROM kenes.report),
       (pg_catalog.now() AT TIME ZONE $1::text)::date
FROM (SELECT) AS one
LEFT JOIN kenes.tally_state s ON true
