-- Tallies per stable part identity across draft versions (by=identity), one row per lineage
-- node (kenes.identity_node): an article renumbered keeps one row; the articles merged into
-- one count in the merged article's row; a split or removed article keeps its own row with
-- the proposals made on it (the pieces of a split have theirs). Every counted proposal is
-- in exactly one row. Nodes in the current version are listed always, others when they
-- have proposals. $1 consultation id  $2 first day or NULL  $3 last day or NULL  $4 stance
-- or NULL. Columns: key (identity), label kk/ru/en (of the node's latest part, with its
-- version when not current), stance, proposals, people, supports, latest version, lineage
-- (JSON: status current|split|removed, the parts counted with their proposals, split_into).
WITH nodes AS (
    SELECT * FROM kenes.identity_node($1::integer)),
t AS (
    SELECT * FROM kenes.tally_identity($1::integer, $2::date, $3::date)),
latest AS (
    SELECT DISTINCT ON (p.identity_id) p.identity_id, p AS part, v.number, v.is_current
    FROM kenes.part p
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN nodes n ON n.identity_id = p.identity_id AND n.node_id = p.identity_id
    ORDER BY p.identity_id, v.number DESC),
lineage AS (
    SELECT n.node_id,
           jsonb_agg(jsonb_build_object('version', v.number, 'target', kenes.part_target(p),
                                        'identity', i.key, 'proposals', coalesce(t.proposals, 0))
                     ORDER BY v.number, p.ordinal) AS parts
    FROM nodes n
    JOIN kenes.part p ON p.identity_id = n.identity_id
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN kenes.part_identity i ON i.id = p.identity_id
    LEFT JOIN t ON t.node_id = n.node_id AND t.part_id = p.id AND t.stance = 'all'
    GROUP BY n.node_id),
splits AS (
    SELECT f.identity_id AS node_id,
           jsonb_agg(jsonb_build_object('version', v.number, 'target', kenes.part_target(np),
                                        'identity', i.key) ORDER BY v.number, np.ordinal) AS pieces
    FROM kenes.part_mapping m
    JOIN kenes.part f ON f.id = m.from_part_id
    JOIN kenes.part np ON np.id = m.to_part_id
    JOIN kenes.draft_version v ON v.id = np.version_id
    JOIN kenes.part_identity i ON i.id = np.identity_id
    WHERE m.action = 'split' AND v.consultation_id = $1::integer
    GROUP BY f.identity_id)
SELECT i.key, kenes.part_label_versioned(l.part, 'kk'), kenes.part_label_versioned(l.part, 'ru'),
       kenes.part_label_versioned(l.part, 'en'), s.stance, coalesce(t.proposals, 0),
       coalesce(t.people, 0), coalesce(t.supports, 0), l.number,
       jsonb_strip_nulls(jsonb_build_object(
           'status', CASE WHEN l.is_current THEN 'current'
                          WHEN sp.node_id IS NOT NULL THEN 'split' ELSE 'removed' END,
           'parts', li.parts, 'split_into', sp.pieces))::text
FROM latest l
JOIN kenes.part_identity i ON i.id = l.identity_id
JOIN lineage li ON li.node_id = l.identity_id
LEFT JOIN splits sp ON sp.node_id = l.identity_id
CROSS JOIN (VALUES ('all'), ('support'), ('oppose'), ('amend')) AS s(stance)
LEFT JOIN t ON t.node_id = l.identity_id AND t.part_id IS NULL AND t.stance = s.stance
WHERE ($4::text IS NULL OR s.stance = $4::text)
  AND (l.is_current OR EXISTS (SELECT FROM t x WHERE x.node_id = l.identity_id))
ORDER BY l.number DESC, (l.part).ordinal,
         array_position(ARRAY['all', 'support', 'oppose', 'amend'], s.stance)
