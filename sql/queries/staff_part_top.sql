-- A part's published proposals, most supported first, for the staff part page
-- (fcgi/staff_parts.c; index proposal_part_supported): the most supported, or with $6 the
-- proposed wordings (amend proposals that carry one).
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 stance or NULL
--   $5 how many  $6 true: only proposals with a proposed wording
-- The part is found first (a one-row subquery): with its id known the index gives the rows
-- in order and the scan stops at the limit; joined, the planner guessed the part's rows
-- from an average and read all 247,797 of article 4 at 1M proposals (0.55 s; now ~1 ms).
-- Columns: id, stance, supports, lang, text, proposed wording (NULL when none).
SELECT p.id, p.stance, p.support_count, p.lang, p.text, p.proposed_wording
FROM kenes.proposal p
WHERE p.part_id = (SELECT pt.id
                   FROM kenes.draft_version v
                   JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
                   WHERE v.consultation_id = $1::integer AND v.number = $3::integer)
  AND p.status = 'published'
  AND ($4::text IS NULL OR p.stance = $4::text)
  AND (NOT $6::boolean OR p.proposed_wording IS NOT NULL)
ORDER BY p.support_count DESC, p.id DESC
LIMIT $5::integer
