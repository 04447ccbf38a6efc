-- The open-data archive (aggregator/archive.c): the consultation. $1 consultation id.
-- Every archive_*.sql statement orders its rows completely, so that the same database
-- gives the same bytes; timestamps are UTC, ISO 8601 with microseconds.
SELECT c.slug, c.title_kk, c.title_ru, c.title_en,
       to_char(c.opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS opens_at,
       to_char(c.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS closes_at,
       c.status,
       to_char(s.refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS tallies_as_of,
       s.time_zone AS tallies_time_zone
FROM kenes.consultation c LEFT JOIN kenes.tally_state s ON true
WHERE c.id = $1::integer
