-- Tallies per part and topic, region or channel (p_dim 'part_topic', 'part_region' or
-- 'part_channel'): the API's by=part,topic (sql/queries/tally_part_topic.sql) and
-- by=part,region, by=part,channel (tally_part_located.sql), from those cells as
-- kenes.tally_between adds them over local days [p_from, p_to] (either NULL: open). p_stance
-- NULL for rows of 'all' and each stance; p_kind and p_version as kenes.tally_parts. Only
-- pairs with proposals in the range (most of the parts x topics table is empty). The parts
-- and their labels: kenes.tally_parts, made once per part (MATERIALIZED: inlined, the label
-- functions ran once per joined row, 7.5 s at 100,000 proposals).
-- Columns: key (article:4/land, article:4/KZ-75, article:4/web), label kk/ru/en ("part /
-- topic"), stance, proposals, people, supports, version.
-- No SET clause, so that the planner inlines it into the caller's statement and plans it
-- with the caller's values, as when this was the statement itself.
CREATE OR REPLACE FUNCTION kenes.tally_parts_by(p_consultation integer, p_dim text, p_from date, p_to date,
                                                p_stance text, p_kind text, p_version text)
RETURNS TABLE (key text, kk text, ru text, en text, stance text, proposals bigint, people bigint,
               supports bigint, version integer)
LANGUAGE sql STABLE AS $$
    WITH t AS (
        SELECT t.proposals, t.people, t.supports, c.part_id, c.stance,
               coalesce(c.topic_id::text, c.region, c.channel) AS cell_key,
               max(t.proposals) FILTER (WHERE c.stance = 'all')
                   OVER (PARTITION BY c.part_id, c.topic_id, c.region, c.channel) AS any_proposals
        FROM kenes.tally_between(p_consultation, p_dim, p_from, p_to) t
        JOIN kenes.tally_cell c
          ON c.id = t.cell_id AND c.consultation_id = p_consultation AND c.dim = p_dim),
    parts AS MATERIALIZED (
        SELECT * FROM kenes.tally_parts(p_consultation, p_kind, p_version))
    SELECT p.target || '/' || n.slug, p.kk || ' / ' || n.name_kk, p.ru || ' / ' || n.name_ru,
           p.en || ' / ' || n.name_en, t.stance, t.proposals, t.people, t.supports, p.version
    FROM t
    JOIN parts p ON p.id = t.part_id
    JOIN kenes.tally_cell_names(p_consultation, p_dim) n ON n.cell_key = t.cell_key
    WHERE t.any_proposals > 0 AND (p_stance IS NULL OR t.stance = p_stance)
    ORDER BY p.version DESC, p.ordinal, n.ordinal,
             array_position(ARRAY['all', 'support', 'oppose', 'amend'], t.stance)
$$;
