-- The last refresh (no row: never refreshed), how many changes wait in the queue, and why the
-- next refresh must rebuild the tallies (NULL: it need not; set by a migration).
SELECT s.time_zone, s.refreshed_at, s.rebuilt_at, s.changes,
       (SELECT count(*) FROM kenes.tally_change) AS pending, s.rebuild_reason
FROM (SELECT) AS one
LEFT JOIN kenes.tally_state s ON true
