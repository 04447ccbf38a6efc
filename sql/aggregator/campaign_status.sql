-- Records the new status of proposals already read ($1 ids, $2 published); returns the
-- campaigns whose counts change.
WITH changed AS (
    UPDATE kenes.campaign_proposal cp SET published = x.published
    FROM unnest($1::bigint[], $2::boolean[]) AS x(id, published)
    WHERE cp.proposal_id = x.id
    RETURNING cp.proposal_id)
SELECT DISTINCT m.campaign_id
FROM changed c JOIN kenes.campaign_member m ON m.proposal_id = c.proposal_id
