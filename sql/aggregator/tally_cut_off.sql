-- What the tallies count: when they were refreshed (ISO 8601 UTC), that instant's local
-- date in $1, and the zone they were made in. No row: never refreshed.
SELECT to_char(s.refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       (s.refreshed_at AT TIME ZONE $1::text)::date, s.time_zone
FROM kenes.tally_state s
