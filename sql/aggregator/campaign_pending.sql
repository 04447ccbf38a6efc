-- The next $3 proposals of consultation $1 after id $2 that the campaigns have not read yet,
-- or whose status changed since (hidden, or shown again). Read in id order, so a refresh
-- walks the consultation once.
-- Returns: id, text, published, the text id it was read as ('' when new).
SELECT p.id, p.text, p.status = 'published', cp.text_id
FROM kenes.proposal p
LEFT JOIN kenes.campaign_proposal cp ON cp.proposal_id = p.id
WHERE p.consultation_id = $1::integer AND p.id > $2::bigint
  AND (cp.proposal_id IS NULL OR cp.published <> (p.status = 'published'))
ORDER BY p.id
LIMIT $3::integer
