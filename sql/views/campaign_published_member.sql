-- Members of campaigns that are published, for analysts (who do not see hidden proposals).
CREATE OR REPLACE VIEW kenes.campaign_published_member WITH (security_barrier) AS
SELECT m.campaign_id, m.proposal_id
FROM kenes.campaign_member m
JOIN kenes.proposal p ON p.id = m.proposal_id
WHERE p.status = 'published';
