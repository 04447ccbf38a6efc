-- The lineage node each part identity counts under across versions: the identity itself,
-- or, when its article was merged into another, that article's node. A split or removed
-- article is its own node (its proposals are never spread over the pieces).
CREATE OR REPLACE FUNCTION kenes.identity_node(p_consultation integer)
RETURNS TABLE (identity_id integer, node_id integer)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE merged AS (
        SELECT DISTINCT f.identity_id AS from_id, t.identity_id AS to_id
        FROM kenes.part_mapping m
        JOIN kenes.draft_version v ON v.id = m.version_id
        JOIN kenes.part f ON f.id = m.from_part_id
        JOIN kenes.part t ON t.id = m.to_part_id
        WHERE v.consultation_id = p_consultation AND m.action = 'merged'
          AND f.identity_id <> t.identity_id),
    walk (identity_id, node_id, depth) AS (
        SELECT i.id, i.id, 0 FROM kenes.part_identity i WHERE i.consultation_id = p_consultation
        UNION ALL
        SELECT w.identity_id, m.to_id, w.depth + 1
        FROM walk w JOIN merged m ON m.from_id = w.node_id
        WHERE w.depth < 1000)
    SELECT DISTINCT ON (w.identity_id) w.identity_id, w.node_id
    FROM walk w ORDER BY w.identity_id, w.depth DESC
$$;
