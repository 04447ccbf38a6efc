-- Identity flags, oldest first, each as JSON with the proposal as moderators see it.
--   $1 'open', 'resolved' or 'all'  $2 only flags after this id  $3 at most this many rows
SELECT f.id,
       (jsonb_build_object('flag', f.id, 'channel', f.channel, 'created_at', f.created_at,
                           'resolved_at', f.resolved_at, 'decision', f.decision,
                           'log_id', f.log_id)
        || kenes.moderation_proposal_json(f.proposal_id)
        || jsonb_build_object('detail', kenes.proposal_json_by_id(f.proposal_id)))::text
FROM kenes.identity_flag f
WHERE ($1::text = 'all' OR ($1::text = 'open') = (f.resolved_at IS NULL))
  AND f.id > $2::bigint
ORDER BY f.id
LIMIT $3::integer
