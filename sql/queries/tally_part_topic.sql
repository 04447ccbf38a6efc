-- Tallies per part and topic. $1 consultation id  $2 first day or NULL  $3 last day or NULL
-- $4 stance or NULL  $5 'article' for articles only, or NULL  $6 draft version: NULL or
-- 'all' for every version, 'current', or a version number (as tally_part). Only pairs with proposals in
-- the range (most of the parts x topics table is empty). The parts and their labels:
-- kenes.tally_parts, made once per part (MATERIALIZED: inlined, the label functions ran once
-- per joined row, 7.5 s at 100,000 proposals).
-- Columns: key (article:4/sovereignty), label kk/ru/en ("part / topic"), stance, proposals,
-- people, supports, version.
WITH t AS (
    SELECT t.proposals, t.people, t.supports, c.part_id, c.topic_id, c.stance,
           max(t.proposals) FILTER (WHERE c.stance = 'all')
               OVER (PARTITION BY c.part_id, c.topic_id) AS any_proposals
    FROM kenes.tally_between($1::integer, 'part_topic', $2::date, $3::date) t
    JOIN kenes.tally_cell c ON c.id = t.cell_id),
parts AS MATERIALIZED (
    SELECT * FROM kenes.tally_parts($1::integer, $5::text, $6::text))
SELECT p.target || '/' || tp.slug, p.kk || ' / ' || tp.label_kk, p.ru || ' / ' || tp.label_ru,
       p.en || ' / ' || tp.label_en, t.stance, t.proposals, t.people, t.supports, p.version
FROM t
JOIN parts p ON p.id = t.part_id
JOIN kenes.topic tp ON tp.id = t.topic_id
WHERE t.any_proposals > 0 AND ($4::text IS NULL OR t.stance = $4::text)
ORDER BY p.version DESC, p.ordinal, tp.ordinal,
         array_position(ARRAY['all', 'support', 'oppose', 'amend'], t.stance)
