-- $1 campaign id, $2 'hide' or 'unhide'. How many proposals the action would change now, as
-- kenes.moderate_campaign_as counts them: the published members to hide, or the members
-- hidden with the campaign to show again. 0 for an unknown campaign.
SELECT count(*)
FROM kenes.campaign_member m
JOIN kenes.proposal p ON p.id = m.proposal_id
LEFT JOIN kenes.moderation_state s ON s.proposal_id = p.id
WHERE m.campaign_id = $1::bigint
  AND CASE WHEN $2 = 'hide' THEN p.status = 'published'
           ELSE p.status = 'hidden' AND s.via = 'campaign' END
