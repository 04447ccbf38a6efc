-- The moderation audit log, oldest first, for export. Days are UTC days.
--   $1 first day or NULL  $2 last day (inclusive) or NULL  $3 only entries after this id
--   $4 at most this many rows
-- An entry names a token (token_id) or a single sign-on subject (sso_subject), as actor too.
SELECT l.id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
       l.token_id, l.actor, l.role, l.action, l.proposal_id, l.campaign_id, l.duplicate_of,
       l.flag_id, l.decision, l.affected, l.reason, l.sso_subject
FROM kenes.moderation_log l
WHERE ($1::date IS NULL OR l.at >= $1::date::timestamp AT TIME ZONE 'UTC')
  AND ($2::date IS NULL OR l.at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC')
  AND l.id > $3::bigint
ORDER BY l.id
LIMIT $4::integer
