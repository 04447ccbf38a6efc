-- The whole structure the form and the API need, for the current draft version.
CREATE OR REPLACE FUNCTION kenes.consultation_json(cid integer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'slug', c.slug,
        'title', jsonb_build_object('kk', c.title_kk, 'ru', c.title_ru, 'en', c.title_en),
        'status', c.status,
        'open', c.status = 'open' AND c.opens_at <= now()
                AND (c.closes_at IS NULL OR c.closes_at > now()),
        'opens_at', c.opens_at,
        'closes_at', c.closes_at,
        'versions', (
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'number', v.number,
                       'label', jsonb_build_object('kk', v.label_kk, 'ru', v.label_ru, 'en', v.label_en),
                       'published_on', v.published_on,
                       'current', v.is_current) ORDER BY v.number), '[]')
            FROM kenes.draft_version v WHERE v.consultation_id = c.id),
        'version', (SELECT v.number FROM kenes.draft_version v
                    WHERE v.consultation_id = c.id AND v.is_current),
        'parts', (
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'target', kenes.part_target(p),
                       'kind', p.kind,
                       'number', p.number,
                       'section', s.number,
                       'identity', i.key,
                       'label', jsonb_build_object('kk', kenes.part_label(p, 'kk'),
                                                   'ru', kenes.part_label(p, 'ru'),
                                                   'en', kenes.part_label(p, 'en')),
                       'note', CASE WHEN p.note_en IS NULL THEN NULL ELSE
                               jsonb_build_object('kk', p.note_kk, 'ru', p.note_ru, 'en', p.note_en) END
                   ) ORDER BY p.ordinal), '[]')
            FROM kenes.draft_version v
            JOIN kenes.part p ON p.version_id = v.id
            JOIN kenes.part_identity i ON i.id = p.identity_id
            LEFT JOIN kenes.part s ON s.id = p.section_id
            WHERE v.consultation_id = c.id AND v.is_current),
        'topics', (
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'slug', t.slug,
                       'label', jsonb_build_object('kk', t.label_kk, 'ru', t.label_ru, 'en', t.label_en)
                   ) ORDER BY t.ordinal), '[]')
            FROM kenes.topic t WHERE t.consultation_id = c.id),
        'regions', (
            SELECT jsonb_agg(jsonb_build_object(
                       'code', r.code,
                       'name', jsonb_build_object('kk', r.name_kk, 'ru', r.name_ru, 'en', r.name_en)
                   ) ORDER BY r.ordinal)
            FROM kenes.region r))
    FROM kenes.consultation c WHERE c.id = cid
$$;
