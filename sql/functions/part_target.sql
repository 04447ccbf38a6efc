-- A part's target as the API names it: 'preamble', 'general', 'section:2', 'article:90'.
-- p.number::text, never p.number: text || integer is textanycat, which is STABLE, and PostgreSQL
-- does not inline an IMMUTABLE SQL function that calls a STABLE one; each call then parsed and
-- planned the body again (half of proposal_get's CPU at 1M proposals, docs/BENCHMARKS.md).
CREATE OR REPLACE FUNCTION kenes.part_target(p kenes.part) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p.number IS NULL THEN p.kind ELSE p.kind || ':' || p.number::text END
$$;
