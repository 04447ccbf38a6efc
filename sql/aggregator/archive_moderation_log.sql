-- The open-data archive: the moderation log without personal data: what was done, when, to
-- which proposal or campaign, and how many proposals it changed; never who (the token, its
-- name), never the reason (free text that may name people), never the identity flag
-- (flag_resolve entries carry the flagged proposal). $1 consultation id.
SELECT l.id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, l.role, l.action,
       l.proposal_id, l.campaign_id, l.duplicate_of, l.decision, l.affected
FROM kenes.moderation_log l
LEFT JOIN kenes.proposal p ON p.id = l.proposal_id
LEFT JOIN kenes.campaign c ON c.id = l.campaign_id
WHERE coalesce(p.consultation_id, c.consultation_id) = $1::integer
ORDER BY l.id
