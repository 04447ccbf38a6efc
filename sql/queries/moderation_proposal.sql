-- $1 proposal id. The proposal as moderators see it, whatever its status: its public JSON,
-- why it is hidden, its campaign, every log entry about it (single and campaign actions) and
-- its flags. No row when there is no such proposal.
SELECT (kenes.proposal_json_by_id(p.id) || kenes.moderation_proposal_json(p.id)
        || jsonb_build_object(
            'campaign_member', (SELECT m.campaign_id FROM kenes.campaign_member m WHERE m.proposal_id = p.id),
            'history', coalesce((
                SELECT jsonb_agg(jsonb_build_object('id', l.id, 'at', l.at, 'actor', l.actor,
                                                    'action', l.action, 'reason', l.reason,
                                                    'campaign', l.campaign_id,
                                                    'duplicate_of', l.duplicate_of, 'flag', l.flag_id,
                                                    'decision', l.decision) ORDER BY l.id)
                FROM kenes.moderation_log l
                WHERE l.proposal_id = p.id OR p.id = ANY (l.proposal_ids)), '[]'),
            'flags', coalesce((
                SELECT jsonb_agg(jsonb_build_object('flag', f.id, 'channel', f.channel,
                                                    'created_at', f.created_at,
                                                    'resolved_at', f.resolved_at,
                                                    'decision', f.decision) ORDER BY f.id)
                FROM kenes.identity_flag f WHERE f.proposal_id = p.id), '[]')))::text
FROM kenes.proposal p
WHERE p.id = $1::bigint
