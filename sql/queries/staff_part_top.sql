-- A part's published proposals, most supported first, for the staff part page
-- (fcgi/staff_parts.c; index proposal_part_supported): the most supported, or with $6 the
-- proposed wordings (amend proposals that carry one).
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 stance or NULL
--   $5 how many  $6 true: only proposals with a proposed wording
-- Columns: id, stance, supports, lang, text, proposed wording (NULL when none).
SELECT p.id, p.stance, p.support_count, p.lang, p.text, p.proposed_wording
FROM kenes.draft_version v
JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
JOIN kenes.proposal p ON p.part_id = pt.id AND p.status = 'published'
WHERE v.consultation_id = $1::integer AND v.number = $3::integer
  AND ($4::text IS NULL OR p.stance = $4::text)
  AND (NOT $6::boolean OR p.proposed_wording IS NOT NULL)
ORDER BY p.support_count DESC, p.id DESC
LIMIT $5::integer
