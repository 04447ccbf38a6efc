-- What the second key of a part x topic, part x region or part x channel cell (p_dim
-- 'part_topic', 'part_region', 'part_channel'; sql/migrations/033) is called: `cell_key` as
-- the cell holds it (the topic's id, the region's or the channel's code), `slug` as an API
-- key shows it (the topic's slug, the code), the names and the order. Topics are those of
-- p_consultation. For kenes.tally_parts_by and staff_part_where.sql. Its name sorts before
-- theirs, so it exists when sql/migrate creates them (a SQL function's body is checked then).
CREATE OR REPLACE FUNCTION kenes.tally_cell_names(p_consultation integer, p_dim text)
RETURNS TABLE (cell_key text, slug text, name_kk text, name_ru text, name_en text, ordinal integer)
LANGUAGE sql STABLE AS $$
    SELECT tp.id::text, tp.slug, tp.label_kk, tp.label_ru, tp.label_en, tp.ordinal FROM kenes.topic tp
    WHERE p_dim = 'part_topic' AND tp.consultation_id = p_consultation
    UNION ALL
    SELECT r.code, r.code, r.name_kk, r.name_ru, r.name_en, r.ordinal FROM kenes.region r
    WHERE p_dim = 'part_region'
    UNION ALL
    SELECT ch.code, ch.code, ch.name_kk, ch.name_ru, ch.name_en, ch.ordinal FROM kenes.channel ch
    WHERE p_dim = 'part_channel'
$$;
