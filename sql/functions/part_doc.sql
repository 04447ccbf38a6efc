-- A part as a proposal shows it (kenes.part_json, sql/queries/proposal_get.sql): its label on
-- its own version, whether that version is current, and when not, what the part became in the
-- current one (following the mappings of every later version): the parts, and the strongest
-- change on the way (split, merged, renumbered, same; removed when nothing was reached).
-- A set-returning SQL function without SET or STRICT, one SELECT: PostgreSQL inlines it into
-- the statement that calls it in FROM, so a prepared statement plans it once (a scalar
-- function with a recursive WITH is planned again on every call).
CREATE OR REPLACE FUNCTION kenes.part_doc(p_part integer) RETURNS TABLE (doc jsonb)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE later (part_id, actions) AS (
        SELECT m.to_part_id, ARRAY[m.action] FROM kenes.part_mapping m
        WHERE m.from_part_id = p_part AND m.to_part_id IS NOT NULL
        UNION ALL
        SELECT m.to_part_id, l.actions || m.action
        FROM later l JOIN kenes.part_mapping m ON m.from_part_id = l.part_id
        WHERE m.to_part_id IS NOT NULL AND cardinality(l.actions) < 100),
    now AS (
        SELECT DISTINCT ON (np.id) np AS part, l.actions
        FROM later l
        JOIN kenes.part np ON np.id = l.part_id
        JOIN kenes.draft_version cv ON cv.id = np.version_id AND cv.is_current)
    SELECT jsonb_build_object(
        'version', v.number,
        'current', v.is_current,
        'identity', i.key,
        'label', jsonb_build_object('kk', kenes.part_label(p, 'kk'), 'ru', kenes.part_label(p, 'ru'),
                                    'en', kenes.part_label(p, 'en')),
        'now', CASE WHEN NOT v.is_current THEN jsonb_build_object(
            'version', (SELECT cv.number FROM kenes.draft_version cv
                        WHERE cv.consultation_id = v.consultation_id AND cv.is_current),
            'action', (SELECT CASE WHEN count(*) = 0 THEN 'removed'
                                   WHEN bool_or('split' = ANY (n.actions)) THEN 'split'
                                   WHEN bool_or('merged' = ANY (n.actions)) THEN 'merged'
                                   WHEN bool_or('renumbered' = ANY (n.actions)) THEN 'renumbered'
                                   ELSE 'same' END FROM now n),
            'parts', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                 'target', kenes.part_target(n.part),
                                 'label', jsonb_build_object('kk', kenes.part_label(n.part, 'kk'),
                                                             'ru', kenes.part_label(n.part, 'ru'),
                                                             'en', kenes.part_label(n.part, 'en')))
                             ORDER BY (n.part).ordinal), '[]')
                      FROM now n)) END)
    FROM kenes.part p
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN kenes.part_identity i ON i.id = p.identity_id
    WHERE p.id = p_part
$$;
