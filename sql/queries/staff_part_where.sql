-- A part's regions or channels for the staff part page (fcgi/staff_parts.c): the part x
-- region or part x channel cells (sql/migrations/033) of one stance, as kenes.tally_between
-- adds them over the period, only those with proposals. The part is found first (a one-row
-- subquery, as in staff_part_top.sql), so only its own cells are read, not every part's.
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 first day or
--   NULL  $5 last day or NULL  $6 stance or NULL (then 'all')  $7 'part_region' or
--   'part_channel'
-- Columns: region or channel code, its name kk/ru/en, proposals, people, supports.
WITH cells AS (
    SELECT c.id, coalesce(c.region, c.channel) AS code
    FROM kenes.tally_cell c
    WHERE c.consultation_id = $1::integer AND c.dim = $7::text
      AND c.stance = coalesce($6::text, 'all')
      AND c.part_id = (SELECT pt.id
                       FROM kenes.draft_version v
                       JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
                       WHERE v.consultation_id = $1::integer AND v.number = $3::integer))
SELECT x.code, n.name_kk, n.name_ru, n.name_en, t.proposals, t.people, t.supports
FROM cells x
JOIN kenes.tally_between($1::integer, $7::text, $4::date, $5::date) t ON t.cell_id = x.id
JOIN kenes.tally_cell_names($1::integer, $7::text) n ON n.cell_key = x.code
WHERE t.proposals > 0
ORDER BY n.ordinal, x.code
