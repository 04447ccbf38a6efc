-- $1 proposal id. One row with the proposal as JSON (with its support count, and its part
-- on its own draft version) when it exists and is published.
-- The same document as kenes.proposal_json_by_id(id) || {part: kenes.part_json(part_id)},
-- written out in one statement: those functions cannot be inlined (a SET clause, a
-- recursive WITH), so each call parsed and planned their bodies again (~2.7 ms); this is
-- prepared once per connection and reads the proposal by its primary key. Only
-- part_target and part_label remain, which PostgreSQL inlines. Keep the three in step
-- (tests/e2e/api.sh, supports.sh, drafts.sh check the bytes).
SELECT jsonb_build_object(
        'id', p.id,
        'consultation', c.slug,
        'version', v.number,
        'target', kenes.part_target(pa),
        'stance', p.stance,
        'topics', (SELECT coalesce(jsonb_agg(t.slug ORDER BY t.ordinal), '[]')
                   FROM kenes.proposal_topic pt JOIN kenes.topic t ON t.id = pt.topic_id
                   WHERE pt.proposal_id = p.id),
        'text', p.text,
        'proposed_wording', p.proposed_wording,
        'lang', p.lang,
        'region', p.region,
        'channel', p.channel,
        'status', p.status,
        'created_at', p.created_at,
        'supports', p.support_count,
        'part', part.doc)::text
FROM kenes.proposal p
LEFT JOIN kenes.consultation c ON c.id = p.consultation_id
LEFT JOIN kenes.draft_version v ON v.id = p.version_id
LEFT JOIN kenes.part pa ON pa.id = p.part_id
LEFT JOIN LATERAL (
    -- kenes.part_json(pa.id): its label on its own version, whether that version is current,
    -- and when not, what the part became in the current one.
    WITH RECURSIVE later (part_id, actions) AS (
        SELECT m.to_part_id, ARRAY[m.action] FROM kenes.part_mapping m
        WHERE m.from_part_id = pa.id AND m.to_part_id IS NOT NULL
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
        'version', pv.number,
        'current', pv.is_current,
        'identity', i.key,
        'label', jsonb_build_object('kk', kenes.part_label(pa, 'kk'), 'ru', kenes.part_label(pa, 'ru'),
                                    'en', kenes.part_label(pa, 'en')),
        'now', CASE WHEN NOT pv.is_current THEN jsonb_build_object(
            'version', (SELECT cv.number FROM kenes.draft_version cv
                        WHERE cv.consultation_id = pv.consultation_id AND cv.is_current),
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
                      FROM now n)) END) AS doc
    FROM kenes.draft_version pv
    JOIN kenes.part_identity i ON i.id = pa.identity_id
    WHERE pv.id = pa.version_id
) part ON true
WHERE p.id = $1::bigint AND p.status = 'published'
