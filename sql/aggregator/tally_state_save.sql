-- Records a finished refresh. $1 time zone  $2 true after a full rebuild  $3 changes applied.
-- now() is the start of the refresh's transaction, taken before its snapshot: everything
-- committed by then is counted.
INSERT INTO kenes.tally_state AS s (singleton, time_zone, refreshed_at, snapshot, rebuilt_at, changes)
VALUES (true, $1::text, pg_catalog.now(), pg_catalog.pg_current_snapshot()::text,
        pg_catalog.now(), $3::bigint)
ON CONFLICT (singleton) DO UPDATE SET
    time_zone = excluded.time_zone,
    refreshed_at = excluded.refreshed_at,
    snapshot = excluded.snapshot,
    rebuilt_at = CASE WHEN $2::boolean THEN excluded.rebuilt_at ELSE s.rebuilt_at END,
    changes = CASE WHEN $2::boolean THEN excluded.changes ELSE s.changes + excluded.changes END,
    rebuild_reason = CASE WHEN $2::boolean THEN NULL ELSE s.rebuild_reason END
RETURNING to_char(refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
