-- Records a campaign refresh. $1 method  $2 'true' when it rebuilt everything.
INSERT INTO kenes.campaign_state AS s (method, refreshed_at, rebuilt_at)
VALUES ($1::text, now(), now())
ON CONFLICT (singleton) DO UPDATE
SET method = EXCLUDED.method, refreshed_at = EXCLUDED.refreshed_at,
    rebuilt_at = CASE WHEN $2::boolean THEN EXCLUDED.rebuilt_at ELSE s.rebuilt_at END
RETURNING refreshed_at
