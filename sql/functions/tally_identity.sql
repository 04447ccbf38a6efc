-- Tallies per lineage node (by=identity, kenes.identity_node): per node (part_id NULL)
-- proposals, people, supports; per part, proposals and supports (people NULL), only for parts
-- with some. $2, $3: local days, NULL for open. Proposals and supports come from the part
-- cells (kenes.tally_between: all-time figures are stored); only people, which cannot be
-- added up across the parts of one node, are counted from the per-proposal state, grouped
-- once, in memory (work_mem 64MB: the distinct count over ~2 rows per proposal spilled to
-- disk at the default). 2.0 s on 150,000 proposals (docs/DRAFTS.md).
-- SECURITY DEFINER: counts, never pseudonyms.
CREATE OR REPLACE FUNCTION kenes.tally_identity(p_consultation integer, p_from date, p_to date)
RETURNS TABLE (node_id integer, part_id integer, stance text, proposals bigint, people bigint, supports bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET work_mem = '64MB' AS $$
    WITH parts AS MATERIALIZED (
        SELECT p.id AS part_id, n.node_id
        FROM kenes.identity_node(p_consultation) n
        JOIN kenes.part p ON p.identity_id = n.identity_id),
    cells AS MATERIALIZED (
        SELECT c.part_id, c.stance, t.proposals, t.supports
        FROM kenes.tally_between(p_consultation, 'part', p_from, p_to) t
        JOIN kenes.tally_cell c ON c.id = t.cell_id
        WHERE t.proposals > 0 OR t.supports > 0),
    persons AS (
        SELECT DISTINCT x.node_id, s.stance, a.submitter
        FROM kenes.tally_applied a
        JOIN parts x ON x.part_id = a.part_id
        CROSS JOIN LATERAL (VALUES (a.stance), ('all')) AS s(stance)
        WHERE a.consultation_id = p_consultation AND a.submitter IS NOT NULL
          AND a.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')),
    people AS (
        SELECT y.node_id, y.stance, count(*) AS people FROM persons y GROUP BY y.node_id, y.stance),
    nodes AS (
        SELECT x.node_id, c.stance, sum(c.proposals)::bigint AS proposals, sum(c.supports)::bigint AS supports
        FROM cells c JOIN parts x ON x.part_id = c.part_id
        GROUP BY x.node_id, c.stance)
    SELECT n.node_id, NULL::integer, n.stance, n.proposals, coalesce(p.people, 0), n.supports
    FROM nodes n LEFT JOIN people p ON p.node_id = n.node_id AND p.stance = n.stance
    UNION ALL
    SELECT x.node_id, c.part_id, c.stance, c.proposals, NULL::bigint, c.supports
    FROM cells c JOIN parts x ON x.part_id = c.part_id
$$;
