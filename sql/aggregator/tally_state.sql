-- The last refresh (no row: never refreshed) and how many changes wait in the queue.
SELECT s.time_zone, s.refreshed_at, s.rebuilt_at, s.changes,
       (SELECT count(*) FROM kenes.tally_change) AS pending
FROM (SELECT) AS one
LEFT JOIN kenes.tally_state s ON true
