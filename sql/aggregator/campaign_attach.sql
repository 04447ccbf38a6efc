-- Known texts $1 (each alone until now) join campaigns $2, with their proposals.
WITH pairs AS (SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS x(text_id, campaign_id)),
     texts AS (
         UPDATE kenes.campaign_text t SET campaign_id = p.campaign_id FROM pairs p
         WHERE t.id = p.text_id)
INSERT INTO kenes.campaign_member (proposal_id, campaign_id)
SELECT cp.proposal_id, p.campaign_id
FROM pairs p JOIN kenes.campaign_proposal cp ON cp.text_id = p.text_id
ON CONFLICT (proposal_id) DO UPDATE SET campaign_id = EXCLUDED.campaign_id
