-- The rows of tally_part.sql for one part key, for the staff part page (fcgi/staff_parts.c):
-- the same columns, order and version rule, from that key's part cells only (one per draft
-- version that has the part), not every part's.
--   $1 consultation id  $2 first day or NULL  $3 last day or NULL  $4 draft version as in
--   tally_part.sql ($6 there)  $5 part key (article:4)
WITH parts AS MATERIALIZED (
    SELECT * FROM kenes.tally_parts($1::integer, NULL, $4::text) x WHERE x.target = $5::text),
cells AS MATERIALIZED (
    SELECT c.id, c.part_id, c.stance, c.proposals
    FROM kenes.tally_cell c
    WHERE c.consultation_id = $1::integer AND c.dim = 'part' AND c.part_id IN (SELECT p.id FROM parts p))
SELECT p.target, p.kk, p.ru, p.en, c.stance, t.proposals, t.people, t.supports, p.version
FROM cells c
JOIN kenes.tally_cells_between($1::integer, ARRAY(SELECT x.id FROM cells x), $2::date, $3::date) t
  ON t.cell_id = c.id
JOIN parts p ON p.id = c.part_id
WHERE $4::text IS NOT NULL OR p.is_current OR c.proposals > 0
ORDER BY p.version DESC, p.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
