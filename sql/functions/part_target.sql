-- A part's target as the API names it: 'preamble', 'general', 'section:2', 'article:90'.
CREATE OR REPLACE FUNCTION kenes.part_target(p kenes.part) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p.number IS NULL THEN p.kind ELSE p.kind || ':' || p.number END
$$;
