-- The published proposals of consultation $1, by part and id, for the suggestions: part, id,
-- language, text, campaign (0: none). (When positions exist, the proposals already placed in
-- one are left out here.)
SELECT p.part_id, p.id, p.lang, p.text, coalesce(m.campaign_id, 0)
FROM kenes.proposal p
LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
WHERE p.consultation_id = $1::integer AND p.status = 'published'
ORDER BY p.part_id, p.id
