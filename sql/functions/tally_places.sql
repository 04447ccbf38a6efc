-- The regions (p_dim 'part_region') or the channels ('part_channel') with their names and
-- order, for the part x region and part x channel tallies (sql/migrations/033; the queries
-- tally_part_located.sql and staff_part_where.sql).
CREATE OR REPLACE FUNCTION kenes.tally_places(p_dim text)
RETURNS TABLE (code text, name_kk text, name_ru text, name_en text, ordinal integer)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.code, r.name_kk, r.name_ru, r.name_en, r.ordinal FROM kenes.region r WHERE p_dim = 'part_region'
    UNION ALL
    SELECT ch.code, ch.name_kk, ch.name_ru, ch.name_en, ch.ordinal FROM kenes.channel ch
    WHERE p_dim = 'part_channel'
$$;
