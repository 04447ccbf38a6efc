-- The campaigns (kenes-aggregator campaigns, as of its last refresh) with published
-- proposals on one part, for the staff part page (fcgi/staff_parts.c), largest share first.
-- /staff/proposals?campaign=ID&target=..&version=..&status=published lists the same proposals.
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 how many
-- Columns: campaign id, its published proposals on this part, its size (every member, hidden
-- ones included), its most frequent text.
SELECT c.id, count(*), c.size, c.representative
FROM kenes.draft_version v
JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
JOIN kenes.proposal p ON p.part_id = pt.id AND p.status = 'published'
JOIN kenes.campaign_member m ON m.proposal_id = p.id
JOIN kenes.campaign c ON c.id = m.campaign_id
WHERE v.consultation_id = $1::integer AND v.number = $3::integer
GROUP BY c.id
ORDER BY count(*) DESC, c.id
LIMIT $4::integer
