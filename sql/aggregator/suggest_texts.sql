-- The texts of consultation $1's published proposals, each campaign once (its first
-- proposal's), for the suggestions' document frequencies: language, text.
SELECT DISTINCT ON (coalesce(-m.campaign_id, p.id)) p.lang, p.text
FROM kenes.proposal p
LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
WHERE p.consultation_id = $1::integer AND p.status = 'published'
ORDER BY coalesce(-m.campaign_id, p.id), p.id
