-- What a part of an older draft version became in the current one: kenes.part_doc's "now"
-- (this file's name sorts before part_doc.sql, so a new database has it first). The current
-- version's number, the parts reached by following the mappings of every later version, and
-- the strongest change on the way (split, merged, renumbered, same; removed when nothing was
-- reached). PL/pgSQL, called only for a part that is not current: inlined into proposal_get,
-- this machinery (a recursive WITH, two aggregates) was set up on every call for the current
-- parts almost every proposal is on; here its plan is prepared once per session, and runs
-- only when needed.
CREATE OR REPLACE FUNCTION kenes.part_became(p_part integer) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (
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
                      FROM now n))
        FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id
        WHERE p.id = p_part);
END
$$;
