-- A part's topics, regions or channels for the staff part page (fcgi/staff_parts.c): the part
-- x topic, part x region or part x channel cells (sql/migrations/010, 033) of one stance, as
-- kenes.tally_cells_between adds them over the period, only those with proposals. The part
-- is found first (a one-row subquery, as in staff_part_top.sql), and only its own cells are
-- added up, not every part's: the API's by=part,topic and by=part,region rows of the part.
--   $1 consultation id  $2 part key (article:5)  $3 draft version number  $4 first day or
--   NULL  $5 last day or NULL  $6 stance or NULL (then 'all')  $7 'part_topic',
--   'part_region' or 'part_channel'
-- Columns: the topic's slug, the region's or the channel's code, its name kk/ru/en,
-- proposals, people, supports.
WITH cells AS MATERIALIZED (
    SELECT c.id, coalesce(c.topic_id::text, c.region, c.channel) AS cell_key
    FROM kenes.tally_cell c
    WHERE c.consultation_id = $1::integer AND c.dim = $7::text
      AND c.stance = coalesce($6::text, 'all')
      AND c.part_id = (SELECT pt.id
                       FROM kenes.draft_version v
                       JOIN kenes.part pt ON pt.version_id = v.id AND kenes.part_target(pt) = $2::text
                       WHERE v.consultation_id = $1::integer AND v.number = $3::integer))
SELECT n.slug, n.name_kk, n.name_ru, n.name_en, t.proposals, t.people, t.supports
FROM cells x
JOIN kenes.tally_cells_between($1::integer, ARRAY(SELECT c.id FROM cells c), $4::date, $5::date) t
  ON t.cell_id = x.id
JOIN kenes.tally_cell_names($1::integer, $7::text) n ON n.cell_key = x.cell_key
WHERE t.proposals > 0
ORDER BY n.ordinal, n.slug
