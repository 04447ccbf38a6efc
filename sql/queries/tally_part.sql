-- Tallies per part of the draft. $1 consultation id  $2 first day or NULL  $3 last day or
-- NULL (both NULL: all-time, read from the cells alone)  $4 stance or NULL (rows for 'all'
-- and each stance)  $5 'article' for articles only, or NULL for every part  $6 draft
-- version: NULL for the current version's parts and older parts with proposals, 'all' for
-- every part of every version, 'current', or a version number.
-- Columns: key, label kk/ru/en (with the version when not the current one), stance,
-- proposals, people, supports, version.
SELECT kenes.part_target(p), kenes.part_label_versioned(p, 'kk'), kenes.part_label_versioned(p, 'ru'),
       kenes.part_label_versioned(p, 'en'), c.stance, t.proposals, t.people, t.supports, v.number
FROM kenes.tally_between($1::integer, 'part', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
JOIN kenes.part p ON p.id = c.part_id
JOIN kenes.draft_version v ON v.id = p.version_id
WHERE ($4::text IS NULL OR c.stance = $4::text) AND ($5::text IS NULL OR p.kind = $5::text)
  AND CASE WHEN $6::text IS NULL THEN v.is_current OR c.proposals > 0
           WHEN $6::text = 'all' THEN true
           WHEN $6::text = 'current' THEN v.is_current
           ELSE v.number::text = $6::text END
ORDER BY v.number DESC, p.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
