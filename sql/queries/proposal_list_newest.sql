-- Published proposals on one part of a consultation's draft (the current version, or $6), newest first.
--   $1 consultation slug  $2 part kind  $3 part number or NULL  $4 limit  $5 offset
--   $6 draft version number, or NULL for the current one (?version=, sql/queries/proposal_list_part.sql)
SELECT kenes.proposal_json_by_id(p.id)::text
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id
                         AND CASE WHEN $6::integer IS NULL THEN v.is_current ELSE v.number = $6::integer END
JOIN kenes.part pt ON pt.version_id = v.id AND pt.kind = $2::text
                  AND pt.number IS NOT DISTINCT FROM $3::integer
JOIN kenes.proposal p ON p.part_id = pt.id AND p.status = 'published'
WHERE c.slug = $1::text
ORDER BY p.created_at DESC, p.id DESC
LIMIT $4::integer OFFSET $5::integer
