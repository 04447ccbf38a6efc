-- Tallies per part of the draft. $1 consultation id  $2 first day or NULL  $3 last day or
-- NULL (both NULL: all-time, read from the cells alone)  $4 stance or NULL (rows for 'all'
-- and each stance)  $5 'article' for articles only, or NULL for every part  $6 draft
-- version: NULL for the current version's parts and older parts with proposals, 'all' for
-- every part of every version, 'current', or a version number.
-- Columns: key, label kk/ru/en (with the version when not the current one), stance,
-- proposals, people, supports, version. The parts and their labels: kenes.tally_parts, made
-- once per part (MATERIALIZED; made per row, four a part, the statement took 0.8 s at
-- 100,000 proposals, 0.12 s so).
WITH parts AS MATERIALIZED (
    SELECT * FROM kenes.tally_parts($1::integer, $5::text, $6::text))
SELECT p.target, p.kk, p.ru, p.en, c.stance, t.proposals, t.people, t.supports, p.version
FROM kenes.tally_between($1::integer, 'part', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id AND c.consultation_id = $1::integer AND c.dim = 'part'
JOIN parts p ON p.id = c.part_id
WHERE ($4::text IS NULL OR c.stance = $4::text)
  AND ($6::text IS NOT NULL OR p.is_current OR c.proposals > 0)
ORDER BY p.version DESC, p.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
