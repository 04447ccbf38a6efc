-- Loads (or updates) a consultation and one draft version from the JSON data file format
-- documented in sql/data/README.md. Safe to rerun: rows are matched by slug, version number,
-- part identity key and topic slug; nothing a proposal refers to is deleted. Called by
-- kenes.consultation_load and kenes.draft_version_load.
CREATE OR REPLACE FUNCTION kenes.consultation_load_structure(doc jsonb) RETURNS integer
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
