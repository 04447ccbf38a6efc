-- $1 campaign id. A campaign as moderators see it: the aggregator's figures (as of its last
-- refresh), its members' statuses now, and every log entry about it. No row when unknown.
SELECT jsonb_build_object(
           'campaign', c.id, 'size', c.size, 'representative_id', c.representative_id,
           'representative', c.representative, 'first_seen', c.first_seen,
           'last_seen', c.last_seen, 'burst_per_minute', c.burst_per_minute,
           'burst_at', c.burst_at, 'updated_at', c.updated_at,
           'members', s.members, 'published', s.published, 'hidden', s.members - s.published,
           'hidden_with_campaign', s.with_campaign,
           'history', coalesce((
               SELECT jsonb_agg(jsonb_build_object('id', l.id, 'at', l.at, 'actor', l.actor,
                                                   'action', l.action, 'affected', l.affected,
                                                   'reason', l.reason) ORDER BY l.id)
               FROM kenes.moderation_log l WHERE l.campaign_id = c.id), '[]'))::text
FROM kenes.campaign c
CROSS JOIN LATERAL (
    SELECT count(*) AS members, count(*) FILTER (WHERE p.status = 'published') AS published,
           count(ms.proposal_id) FILTER (WHERE ms.via = 'campaign') AS with_campaign
    FROM kenes.campaign_member m
    JOIN kenes.proposal p ON p.id = m.proposal_id
    LEFT JOIN kenes.moderation_state ms ON ms.proposal_id = p.id
    WHERE m.campaign_id = c.id) AS s
WHERE c.id = $1::bigint
