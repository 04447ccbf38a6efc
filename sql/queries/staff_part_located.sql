-- The rows of tally_part.sql (the same parameters $1..$6, columns, order and version rule)
-- from chosen cells only: the staff dashboard's parts of one region or one channel
-- (docs/STAFF.md; the part x region or part x channel cells, sql/migrations/033), or a staff
-- part page's own part (its part cells, one per draft version that has it).
--   $7 region code or NULL  $8 channel code or NULL (at most one of them is set)  $9 part key
--   (article:4) or NULL. With $6 NULL the older versions' parts are kept when they have
--   proposals in those cells.
-- Only those cells are added up (kenes.tally_cells_between).
WITH parts AS MATERIALIZED (
    SELECT * FROM kenes.tally_parts($1::integer, $5::text, $6::text) x
    WHERE $9::text IS NULL OR x.target = $9::text),
cells AS MATERIALIZED (
    SELECT c.id, c.part_id, c.stance, c.proposals
    FROM kenes.tally_cell c
    WHERE c.consultation_id = $1::integer
      AND c.dim = CASE WHEN $7::text IS NOT NULL THEN 'part_region'
                       WHEN $8::text IS NOT NULL THEN 'part_channel' ELSE 'part' END
      AND c.region IS NOT DISTINCT FROM $7::text AND c.channel IS NOT DISTINCT FROM $8::text
      AND ($4::text IS NULL OR c.stance = $4::text)
      AND c.part_id IN (SELECT p.id FROM parts p))
SELECT p.target, p.kk, p.ru, p.en, c.stance, t.proposals, t.people, t.supports, p.version
FROM cells c
JOIN kenes.tally_cells_between($1::integer, ARRAY(SELECT x.id FROM cells x), $2::date, $3::date) t
  ON t.cell_id = c.id
JOIN parts p ON p.id = c.part_id
WHERE $6::text IS NOT NULL OR p.is_current OR c.proposals > 0
ORDER BY p.version DESC, p.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
