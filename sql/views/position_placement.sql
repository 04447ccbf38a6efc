-- Where each proposal is placed, per part: a person's placement (kenes.position_member)
-- first; else the position its campaign was placed in (the campaign its anchor is in now,
-- so later members join; when two placements of one campaign meet after a rebuild, the
-- earlier wins). One row per part and proposal at most.
CREATE OR REPLACE VIEW kenes.position_placement AS
SELECT m.part_id, m.proposal_id, m.position_id, false AS via_campaign
FROM kenes.position_member m
WHERE m.position_id IS NOT NULL
UNION ALL
(SELECT DISTINCT ON (c.part_id, cm.proposal_id) c.part_id, cm.proposal_id, c.position_id, true
 FROM kenes.position_campaign c
 JOIN kenes.campaign_member a ON a.proposal_id = c.anchor_id
 JOIN kenes.campaign_member cm ON cm.campaign_id = a.campaign_id
 WHERE NOT EXISTS (SELECT FROM kenes.position_member x
                   WHERE x.part_id = c.part_id AND x.proposal_id = cm.proposal_id)
 ORDER BY c.part_id, cm.proposal_id, c.placed_at, c.anchor_id);
DO $$ BEGIN PERFORM kenes.acl_grant('SELECT ON kenes.position_placement', 'kenes_handler', 'kenes_aggregator'); END $$;
