-- Tallies per part and region, or per part and channel (by=part,region, by=part,channel): the
-- part x region and part x channel cells (sql/migrations/033) as kenes.tally_between adds them
-- over the period, the very cells the staff dashboard's region= and channel= filters read
-- (staff_part_located.sql). $1..$6 as tally_part_topic  $7 'part_region' or 'part_channel'.
-- Only pairs with proposals in the range, as tally_part_topic.
-- Columns: key (article:4/KZ-75, article:4/web), label kk/ru/en ("part / region"), stance,
-- proposals, people, supports, version.
WITH t AS (
    SELECT t.proposals, t.people, t.supports, c.part_id, coalesce(c.region, c.channel) AS code,
           c.stance,
           max(t.proposals) FILTER (WHERE c.stance = 'all')
               OVER (PARTITION BY c.part_id, c.region, c.channel) AS any_proposals
    FROM kenes.tally_between($1::integer, $7::text, $2::date, $3::date) t
    JOIN kenes.tally_cell c ON c.id = t.cell_id),
parts AS MATERIALIZED (
    SELECT * FROM kenes.tally_parts($1::integer, $5::text, $6::text))
SELECT p.target || '/' || t.code, p.kk || ' / ' || n.name_kk, p.ru || ' / ' || n.name_ru,
       p.en || ' / ' || n.name_en, t.stance, t.proposals, t.people, t.supports, p.version
FROM t
JOIN parts p ON p.id = t.part_id
JOIN kenes.tally_places($7::text) n ON n.code = t.code
WHERE t.any_proposals > 0 AND ($4::text IS NULL OR t.stance = $4::text)
ORDER BY p.version DESC, p.ordinal, n.ordinal,
         array_position(ARRAY['all', 'support', 'oppose', 'amend'], t.stance)
