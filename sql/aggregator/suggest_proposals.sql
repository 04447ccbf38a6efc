-- The published proposals of consultation $1, by part and id, for the suggestions: part, id,
-- language, text, campaign (0: none). A proposal staff placed in a position of its version
-- (kenes.position_placement) is left out: suggestions are for what is not placed yet.
SELECT p.part_id, p.id, p.lang, p.text, coalesce(m.campaign_id, 0)
FROM kenes.proposal p
LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
WHERE p.consultation_id = $1::integer AND p.status = 'published'
  AND NOT EXISTS (SELECT FROM kenes.position_placement pl
                  JOIN kenes.position po ON po.id = pl.position_id
                  WHERE pl.proposal_id = p.id AND po.version_id = p.version_id)
ORDER BY p.part_id, p.id
