-- Proposals read for the first time: $1 ids, $2 their texts, $3 published, $4 campaigns
-- (0: none).
WITH read AS (
    INSERT INTO kenes.campaign_proposal (proposal_id, text_id, published)
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::boolean[]))
INSERT INTO kenes.campaign_member (proposal_id, campaign_id)
SELECT x.id, x.campaign FROM unnest($1::bigint[], $4::bigint[]) AS x(id, campaign)
WHERE x.campaign <> 0
