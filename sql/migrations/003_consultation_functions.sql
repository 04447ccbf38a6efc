-- 003: loading a consultation from its data file, and its structure as JSON.

-- The display label of a part in one language: its title when the draft gives one,
-- otherwise "Article N" in that language. Constitutional text is never invented here.
CREATE FUNCTION kenes.part_label(p kenes.part, lang text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p.kind IN ('section', 'article') THEN
            CASE lang
                WHEN 'kk' THEN p.number || CASE p.kind WHEN 'section' THEN '-бөлім' ELSE '-бап' END
                WHEN 'ru' THEN CASE p.kind WHEN 'section' THEN 'Раздел ' ELSE 'Статья ' END || p.number
                ELSE CASE p.kind WHEN 'section' THEN 'Section ' ELSE 'Article ' END || p.number
            END
            || coalesce('. ' || CASE lang WHEN 'kk' THEN p.title_kk WHEN 'ru' THEN p.title_ru
                                          ELSE p.title_en END, '')
        ELSE CASE lang WHEN 'kk' THEN p.title_kk WHEN 'ru' THEN p.title_ru ELSE p.title_en END
    END
$$;

CREATE FUNCTION kenes.part_target(p kenes.part) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p.number IS NULL THEN p.kind ELSE p.kind || ':' || p.number END
$$;

-- The whole structure the form and the API need, for the current draft version.
CREATE FUNCTION kenes.consultation_json(cid integer) RETURNS jsonb
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

-- Loads (or updates) a consultation and one draft version from the JSON data file format
-- documented in sql/data/README.md. Safe to rerun: rows are matched by slug, version number,
-- part identity key and topic slug; nothing a proposal refers to is deleted.
CREATE FUNCTION kenes.consultation_load(doc jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    cid integer;
    vid integer;
    part jsonb;
    topic jsonb;
    pid integer;
    n integer := 0;
BEGIN
    INSERT INTO kenes.consultation AS c (slug, title_kk, title_ru, title_en, opens_at, closes_at, status)
    VALUES (doc->>'slug', doc#>>'{title,kk}', doc#>>'{title,ru}', doc#>>'{title,en}',
            (doc->>'opens_at')::timestamptz, (doc->>'closes_at')::timestamptz, doc->>'status')
    ON CONFLICT (slug) DO UPDATE SET
        title_kk = excluded.title_kk, title_ru = excluded.title_ru, title_en = excluded.title_en,
        opens_at = excluded.opens_at, closes_at = excluded.closes_at, status = excluded.status
    RETURNING c.id INTO cid;

    IF coalesce((doc#>>'{version,current}')::boolean, true) THEN
        UPDATE kenes.draft_version SET is_current = false
        WHERE consultation_id = cid AND number <> (doc#>>'{version,number}')::integer AND is_current;
    END IF;
    INSERT INTO kenes.draft_version AS v (consultation_id, number, label_kk, label_ru, label_en,
                                          published_on, is_current)
    VALUES (cid, (doc#>>'{version,number}')::integer, doc#>>'{version,label,kk}',
            doc#>>'{version,label,ru}', doc#>>'{version,label,en}',
            (doc#>>'{version,published_on}')::date,
            coalesce((doc#>>'{version,current}')::boolean, true))
    ON CONFLICT (consultation_id, number) DO UPDATE SET
        label_kk = excluded.label_kk, label_ru = excluded.label_ru, label_en = excluded.label_en,
        published_on = excluded.published_on, is_current = excluded.is_current
    RETURNING v.id INTO vid;

    FOR part IN SELECT value FROM jsonb_array_elements(doc#>'{version,parts}') LOOP
        n := n + 1;
        INSERT INTO kenes.part_identity (consultation_id, key)
        VALUES (cid, part->>'key') ON CONFLICT (consultation_id, key) DO NOTHING;
        INSERT INTO kenes.part AS p (version_id, identity_id, kind, number, section_id, ordinal,
                                     title_kk, title_ru, title_en, note_kk, note_ru, note_en)
        SELECT vid, i.id, part->>'kind', (part->>'number')::integer,
               (SELECT s.id FROM kenes.part s WHERE s.version_id = vid AND s.kind = 'section'
                   AND s.number = (part->>'section')::integer),
               n, part#>>'{title,kk}', part#>>'{title,ru}', part#>>'{title,en}',
               part#>>'{note,kk}', part#>>'{note,ru}', part#>>'{note,en}'
        FROM kenes.part_identity i WHERE i.consultation_id = cid AND i.key = part->>'key'
        ON CONFLICT (version_id, identity_id) DO UPDATE SET
            kind = excluded.kind, number = excluded.number, section_id = excluded.section_id,
            ordinal = excluded.ordinal, title_kk = excluded.title_kk, title_ru = excluded.title_ru,
            title_en = excluded.title_en, note_kk = excluded.note_kk, note_ru = excluded.note_ru,
            note_en = excluded.note_en
        RETURNING p.id INTO pid;
        IF part ? 'section' AND part->>'section' IS NOT NULL AND
           NOT EXISTS (SELECT 1 FROM kenes.part WHERE id = pid AND section_id IS NOT NULL) THEN
            RAISE EXCEPTION 'part %: section % is not defined before it', part->>'key', part->>'section';
        END IF;
    END LOOP;

    n := 0;
    FOR topic IN SELECT value FROM jsonb_array_elements(doc->'topics') LOOP
        n := n + 1;
        INSERT INTO kenes.topic (consultation_id, slug, label_kk, label_ru, label_en, ordinal)
        VALUES (cid, topic->>'slug', topic#>>'{label,kk}', topic#>>'{label,ru}',
                topic#>>'{label,en}', n)
        ON CONFLICT (consultation_id, slug) DO UPDATE SET
            label_kk = excluded.label_kk, label_ru = excluded.label_ru,
            label_en = excluded.label_en, ordinal = excluded.ordinal;
    END LOOP;
    RETURN cid;
END
$$;

-- A proposal as the API shows it. Takes columns rather than the row because the handler's
-- role may not read the submitter column, so it cannot hold a whole kenes.proposal row.
CREATE FUNCTION kenes.proposal_json(id bigint, consultation_id integer, version_id integer,
                                    part_id integer, stance text, text text,
                                    proposed_wording text, lang text, region text,
                                    channel text, status text, created_at timestamptz)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', id,
        'consultation', (SELECT c.slug FROM kenes.consultation c WHERE c.id = consultation_id),
        'version', (SELECT v.number FROM kenes.draft_version v WHERE v.id = version_id),
        'target', (SELECT kenes.part_target(p) FROM kenes.part p WHERE p.id = part_id),
        'stance', stance,
        'topics', (SELECT coalesce(jsonb_agg(t.slug ORDER BY t.ordinal), '[]')
                   FROM kenes.proposal_topic pt JOIN kenes.topic t ON t.id = pt.topic_id
                   WHERE pt.proposal_id = proposal_json.id),
        'text', text,
        'proposed_wording', proposed_wording,
        'lang', lang,
        'region', region,
        'channel', channel,
        'status', status,
        'created_at', created_at)
$$;
