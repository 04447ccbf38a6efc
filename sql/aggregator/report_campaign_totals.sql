-- Published proposals of consultation $1 made on local days [$2, $3] (time zone $4), and
-- distinct texts among them: each campaign counted once. Also how many campaigns.
SELECT count(*), count(DISTINCT coalesce(-cm.campaign_id, p.id)), count(DISTINCT cm.campaign_id)
FROM kenes.proposal p
LEFT JOIN kenes.campaign_member cm ON cm.proposal_id = p.id
WHERE p.consultation_id = $1::integer AND p.status = 'published'
  AND p.created_at >= ($2::date::timestamp AT TIME ZONE $4::text)
  AND p.created_at < (($3::date + 1)::timestamp AT TIME ZONE $4::text)
