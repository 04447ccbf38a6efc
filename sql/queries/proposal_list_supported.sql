-- Published proposals on one part of a consultation's current draft, most supported first.
--   $1 consultation slug  $2 part kind  $3 part number or NULL  $4 limit  $5 offset
SELECT kenes.proposal_json_by_id(p.id)::text
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
JOIN kenes.part pt ON pt.version_id = v.id AND pt.kind = $2::text
                  AND pt.number IS NOT DISTINCT FROM $3::integer
JOIN kenes.proposal p ON p.part_id = pt.id AND p.status = 'published'
WHERE c.slug = $1::text
ORDER BY p.support_count DESC, p.id DESC
LIMIT $4::integer OFFSET $5::integer
