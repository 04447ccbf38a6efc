-- Loads a new draft version from the document format of docs/DRAFTS.md and makes it
-- current, all in the caller's transaction. Refuses (raises, changing nothing) when the
-- document or its mapping is incomplete or inconsistent, listing every problem. Loading the
-- same document again changes nothing and says so; another document for a version that is
-- already loaded is refused. Returns a one-line summary.
CREATE OR REPLACE FUNCTION kenes.draft_version_load(doc jsonb) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    c kenes.consultation;
    cur kenes.draft_version;
    prior kenes.draft_version;
    new_n integer;
    from_n integer;
    vid integer;
    digest bytea := sha256(convert_to(doc::text, 'UTF8'));
    problems text[];
BEGIN
    IF jsonb_typeof(doc) <> 'object' OR jsonb_typeof(doc->'version') <> 'object'
       OR jsonb_typeof(doc#>'{version,parts}') <> 'array' OR jsonb_typeof(doc->'mapping') <> 'object'
       OR jsonb_typeof(doc#>'{mapping,parts}') <> 'array' THEN
        RAISE EXCEPTION 'a draft version file has "slug", "version" with "parts", and "mapping" with "from_version" and "parts"';
    END IF;
    new_n := (doc#>>'{version,number}')::integer;
    from_n := (doc#>>'{mapping,from_version}')::integer;
    -- One load at a time per consultation: the second waits, then finds the first's result.
    SELECT * INTO c FROM kenes.consultation WHERE slug = doc->>'slug' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no consultation "%" (load its first version with sql/migrate --load)', doc->>'slug';
    END IF;
    SELECT * INTO prior FROM kenes.draft_version WHERE consultation_id = c.id AND number = new_n;
    IF FOUND THEN
        IF prior.source_sha256 = digest THEN
            RETURN format('version %s of %s was already loaded from this file; nothing changed', new_n, c.slug);
        END IF;
        RAISE EXCEPTION 'version % of % is already loaded (from another file); a loaded version is never changed: give the new text a new number', new_n, c.slug;
    END IF;
    SELECT * INTO cur FROM kenes.draft_version WHERE consultation_id = c.id AND is_current;
    IF from_n IS DISTINCT FROM cur.number THEN
        RAISE EXCEPTION 'the mapping is from version % but the current version of % is %', coalesce(from_n::text, '(none)'), c.slug, cur.number;
    END IF;
    IF new_n IS NULL OR new_n <= cur.number THEN
        RAISE EXCEPTION 'the new version''s number (%) must be greater than the current one (%)', coalesce(new_n::text, 'none'), cur.number;
    END IF;

    -- The parts, through the same code as the first version's; current right away (the
    -- whole transaction is undone below if the mapping is wrong).
    PERFORM kenes.consultation_load_structure(jsonb_build_object(
        'slug', c.slug,
        'title', jsonb_build_object('kk', c.title_kk, 'ru', c.title_ru, 'en', c.title_en),
        'opens_at', c.opens_at, 'closes_at', c.closes_at, 'status', c.status,
        'version', (doc->'version') || '{"current": true}', 'topics', '[]'::jsonb));
    SELECT id INTO vid FROM kenes.draft_version WHERE consultation_id = c.id AND number = new_n;
    UPDATE kenes.draft_version SET replaces_id = cur.id, source_sha256 = digest WHERE id = vid;

    IF to_regclass('pg_temp.draft_map') IS NOT NULL THEN
        DROP TABLE pg_temp.draft_map;
    END IF;
    CREATE TEMP TABLE draft_map ON COMMIT DROP AS
    SELECT e.ord::integer AS ord, e.value->>'action' AS action, e.value->>'from' AS from_target,
           t.target AS to_target, f.id AS from_part, f.kind AS from_kind, p.id AS to_part, p.kind AS to_kind
    FROM jsonb_array_elements(doc#>'{mapping,parts}') WITH ORDINALITY AS e(value, ord)
    LEFT JOIN LATERAL (
        SELECT x AS target FROM jsonb_array_elements_text(
            CASE jsonb_typeof(e.value->'to') WHEN 'array' THEN e.value->'to'
                 WHEN 'string' THEN jsonb_build_array(e.value->'to')
                 ELSE CASE WHEN e.value->>'action' = 'same' AND e.value ? 'from'
                           THEN jsonb_build_array(e.value->'from') ELSE '[]' END END) AS x
    ) AS t ON true
    LEFT JOIN kenes.part f ON f.version_id = cur.id AND kenes.part_target(f) = e.value->>'from'
    LEFT JOIN kenes.part p ON p.version_id = vid AND kenes.part_target(p) = t.target;

    problems := kenes.draft_mapping_problems(cur.id, vid);
    IF cardinality(problems) > 0 THEN
        RAISE EXCEPTION 'version % of % is refused, nothing was loaded (% problem%):%', new_n, c.slug,
            cardinality(problems), CASE WHEN cardinality(problems) > 1 THEN 's' ELSE '' END,
            E'\n  ' || array_to_string(problems, E'\n  ');
    END IF;

    INSERT INTO kenes.part_mapping (version_id, action, from_part_id, to_part_id)
    SELECT DISTINCT vid, m.action, m.from_part, m.to_part FROM pg_temp.draft_map m;
    DROP TABLE pg_temp.draft_map;
    RETURN format('version %s of %s is current: %s parts (%s); %s same, %s renumbered, %s merged, %s split, %s removed, %s new',
        new_n, c.slug,
        (SELECT count(*) FROM kenes.part WHERE version_id = vid),
        (SELECT string_agg(n || ' ' || kind || CASE WHEN n > 1 THEN 's' ELSE '' END, ', ' ORDER BY min_ord)
         FROM (SELECT kind, count(*) AS n, min(ordinal) AS min_ord FROM kenes.part WHERE version_id = vid GROUP BY kind) k),
        (SELECT count(*) FROM kenes.part_mapping WHERE version_id = vid AND action = 'same'),
        (SELECT count(*) FROM kenes.part_mapping WHERE version_id = vid AND action = 'renumbered'),
        (SELECT count(*) FROM kenes.part_mapping WHERE version_id = vid AND action = 'merged'),
        (SELECT count(DISTINCT from_part_id) FROM kenes.part_mapping WHERE version_id = vid AND action = 'split'),
        (SELECT count(*) FROM kenes.part_mapping WHERE version_id = vid AND action = 'removed'),
        (SELECT count(*) FROM kenes.part_mapping WHERE version_id = vid AND action = 'new'));
END
$$;
