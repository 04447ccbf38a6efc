-- 016: evolving drafts. A new draft version is loaded with a mapping from the version it
-- replaces (docs/DRAFTS.md): every part of the old version is the same, renumbered, merged,
-- split or removed, and every part of the new one is reached by the mapping or marked new.
-- kenes.draft_version_load checks all of it and makes the new version current in the same
-- transaction, or changes nothing. Proposals stay on the part they were written for.

ALTER TABLE kenes.draft_version
    ADD COLUMN replaces_id integer REFERENCES kenes.draft_version,
    ADD COLUMN source_sha256 bytea;  -- of the loaded document: a repeat is recognised

-- What became of each part of the replaced version (one row per source and target: a
-- merge has a row per merged part, a split a row per piece).
CREATE TABLE kenes.part_mapping (
    version_id    integer NOT NULL REFERENCES kenes.draft_version,  -- the version loaded
    action        text NOT NULL
                  CHECK (action IN ('same', 'renumbered', 'merged', 'split', 'removed', 'new')),
    from_part_id  integer REFERENCES kenes.part,  -- a part of the replaced version
    to_part_id    integer REFERENCES kenes.part,  -- a part of the version loaded
    CHECK ((from_part_id IS NULL) = (action = 'new')),
    CHECK ((to_part_id IS NULL) = (action = 'removed')),
    UNIQUE (version_id, from_part_id, to_part_id)
);
CREATE INDEX part_mapping_from ON kenes.part_mapping (from_part_id);
CREATE INDEX part_mapping_to ON kenes.part_mapping (to_part_id);

-- A part's label with its version when that is not the current one: "Article 90 (version 1)".
CREATE FUNCTION kenes.part_label_versioned(p kenes.part, lang text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT kenes.part_label(p, lang) || CASE WHEN v.is_current THEN '' ELSE
               CASE lang WHEN 'kk' THEN ' (' || v.number || '-нұсқа)'
                         WHEN 'ru' THEN ' (версия ' || v.number || ')'
                         ELSE ' (version ' || v.number || ')' END END
    FROM kenes.draft_version v WHERE v.id = p.version_id
$$;

-- The lineage node each part identity counts under across versions: the identity itself,
-- or, when its article was merged into another, that article's node. A split or removed
-- article is its own node (its proposals are never spread over the pieces).
CREATE FUNCTION kenes.identity_node(p_consultation integer)
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

-- Checks a loaded version's mapping against its parts and those of the version it replaces.
-- The entries are in pg_temp.draft_map; returns every problem found (empty: none).
CREATE FUNCTION kenes.draft_mapping_problems(old_vid integer, new_vid integer)
RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    old_n integer := (SELECT number FROM kenes.draft_version WHERE id = old_vid);
    new_n integer := (SELECT number FROM kenes.draft_version WHERE id = new_vid);
    problems text[] := '{}';
    r record;
BEGIN
    FOR r IN SELECT * FROM pg_temp.draft_map ORDER BY ord, to_target LOOP
        IF r.action IS NULL OR r.action NOT IN ('same', 'renumbered', 'merged', 'split', 'removed', 'new') THEN
            problems := problems || format('mapping entry %s: action %s is not one of same, renumbered, merged, split, removed, new',
                                           r.ord, coalesce('"' || r.action || '"', 'missing'));
            CONTINUE;
        END IF;
        IF (r.from_target IS NULL) <> (r.action = 'new') THEN
            problems := problems || format('mapping entry %s (%s): %s', r.ord, r.action,
                CASE WHEN r.action = 'new' THEN 'a new part has no "from"' ELSE '"from" is required' END);
        ELSIF r.from_target IS NOT NULL AND r.from_part IS NULL THEN
            problems := problems || format('mapping entry %s: version %s has no part "%s"', r.ord, old_n, r.from_target);
        END IF;
        IF r.action = 'removed' AND r.to_target IS NOT NULL THEN
            problems := problems || format('mapping entry %s: a removed part has no "to"', r.ord);
        ELSIF r.action <> 'removed' AND r.to_target IS NULL THEN
            problems := problems || format('mapping entry %s (%s): "to" is required', r.ord, r.action);
        ELSIF r.to_target IS NOT NULL AND r.to_part IS NULL THEN
            problems := problems || format('mapping entry %s: version %s has no part "%s"', r.ord, new_n, r.to_target);
        END IF;
        IF r.action = 'same' AND r.to_target IS DISTINCT FROM r.from_target THEN
            problems := problems || format('mapping entry %s: "same" keeps the target, but %s becomes %s (use "renumbered")',
                                           r.ord, r.from_target, r.to_target);
        ELSIF r.action = 'renumbered' AND r.to_target = r.from_target THEN
            problems := problems || format('mapping entry %s: %s is renumbered to itself (use "same")', r.ord, r.from_target);
        END IF;
        IF r.from_kind <> r.to_kind THEN
            problems := problems || format('mapping entry %s: %s (a %s) cannot become %s (a %s)',
                                           r.ord, r.from_target, r.from_kind, r.to_target, r.to_kind);
        END IF;
    END LOOP;

    -- How many pieces and targets each entry has.
    FOR r IN SELECT ord, action, count(*) AS n FROM pg_temp.draft_map
             WHERE action IN ('same', 'renumbered', 'merged', 'split', 'new')
             GROUP BY ord, action
             HAVING (action = 'split') <> (count(*) > 1) LOOP
        problems := problems || CASE WHEN r.action = 'split'
            THEN format('mapping entry %s: a split needs "to" with two or more parts', r.ord)
            ELSE format('mapping entry %s (%s): "to" names one part', r.ord, r.action) END;
    END LOOP;

    -- Every part of the old version exactly once.
    FOR r IN SELECT kenes.part_target(p) AS target, count(DISTINCT m.ord) AS n
             FROM kenes.part p LEFT JOIN pg_temp.draft_map m ON m.from_part = p.id
             WHERE p.version_id = old_vid GROUP BY p.id, p.ordinal
             HAVING count(DISTINCT m.ord) <> 1 ORDER BY p.ordinal LOOP
        problems := problems || CASE WHEN r.n = 0
            THEN format('part %s of version %s is not mapped (map it, or mark it removed)', r.target, old_n)
            ELSE format('part %s of version %s is mapped %s times', r.target, old_n, r.n) END;
    END LOOP;

    -- Every part of the new version reached once: by one entry, or by the entries of one
    -- merge (two or more, and nothing else).
    FOR r IN SELECT kenes.part_target(p) AS target,
                    count(m.ord) FILTER (WHERE m.action = 'merged') AS merged,
                    count(m.ord) FILTER (WHERE m.action <> 'merged') AS other
             FROM kenes.part p LEFT JOIN pg_temp.draft_map m ON m.to_part = p.id
             WHERE p.version_id = new_vid GROUP BY p.id, p.ordinal
             HAVING NOT ((count(m.ord) FILTER (WHERE m.action = 'merged') = 0
                          AND count(m.ord) FILTER (WHERE m.action <> 'merged') = 1)
                         OR (count(m.ord) FILTER (WHERE m.action = 'merged') >= 2
                             AND count(m.ord) FILTER (WHERE m.action <> 'merged') = 0))
             ORDER BY p.ordinal LOOP
        problems := problems || CASE
            WHEN r.merged + r.other = 0 THEN
                format('part %s of version %s is neither mapped to nor marked new', r.target, new_n)
            WHEN r.merged = 1 AND r.other = 0 THEN
                format('part %s of version %s is the merge of one part (a merge joins two or more; else use "renumbered" or "same")', r.target, new_n)
            WHEN r.merged > 0 THEN
                format('part %s of version %s is a merge and also reached by another entry', r.target, new_n)
            ELSE format('part %s of version %s is reached by %s entries', r.target, new_n, r.other) END;
    END LOOP;

    -- Identities: a continued part keeps its key; a new part, a piece of a split and a merge
    -- under a new name use a key no earlier version used; a removed part's key is gone.
    FOR r IN SELECT m.ord, m.action, m.from_target, m.to_target, fi.key AS from_key, ti.key AS to_key,
                    EXISTS (SELECT FROM kenes.part e JOIN kenes.draft_version ev ON ev.id = e.version_id
                            WHERE e.identity_id = t.identity_id AND e.version_id <> new_vid) AS to_key_used,
                    EXISTS (SELECT FROM kenes.part e WHERE e.version_id = new_vid
                            AND e.identity_id = f.identity_id) AS from_key_kept,
                    EXISTS (SELECT FROM pg_temp.draft_map o JOIN kenes.part op ON op.id = o.from_part
                            WHERE o.to_part = m.to_part AND o.action = 'merged'
                              AND op.identity_id = t.identity_id) AS merge_keeps_a_key
             FROM pg_temp.draft_map m
             LEFT JOIN kenes.part f ON f.id = m.from_part
             LEFT JOIN kenes.part_identity fi ON fi.id = f.identity_id
             LEFT JOIN kenes.part t ON t.id = m.to_part
             LEFT JOIN kenes.part_identity ti ON ti.id = t.identity_id
             WHERE (m.from_part IS NOT NULL OR m.action = 'new') AND (m.to_part IS NOT NULL OR m.action = 'removed')
             ORDER BY m.ord, m.to_target LOOP
        IF r.action IN ('same', 'renumbered') AND r.from_key <> r.to_key THEN
            problems := problems || format('mapping entry %s: %s of version %s continues %s, so it keeps the key "%s" (it has "%s")',
                                           r.ord, r.to_target, new_n, r.from_target, r.from_key, r.to_key);
        ELSIF r.action IN ('new', 'split') AND r.to_key_used THEN
            problems := problems || format('mapping entry %s: %s of version %s is %s, but its key "%s" belongs to a part of an earlier version',
                                           r.ord, r.to_target, new_n, CASE r.action WHEN 'new' THEN 'new' ELSE 'a piece of a split' END, r.to_key);
        ELSIF r.action = 'merged' AND r.to_key_used AND NOT r.merge_keeps_a_key THEN
            problems := problems || format('mapping entry %s: the merged part %s of version %s may keep the key of a part it merges, or take a new one, not "%s"',
                                           r.ord, r.to_target, new_n, r.to_key);
        ELSIF r.action IN ('removed', 'split') AND r.from_key_kept THEN
            problems := problems || format('mapping entry %s: %s is %s, but a part of version %s has its key "%s"',
                                           r.ord, r.from_target, r.action, new_n, r.from_key);
        END IF;
    END LOOP;
    RETURN problems;
END
$$;

-- Loads a new draft version from the document format of docs/DRAFTS.md and makes it
-- current, all in the caller's transaction. Refuses (raises, changing nothing) when the
-- document or its mapping is incomplete or inconsistent, listing every problem. Loading the
-- same document again changes nothing and says so; another document for a version that is
-- already loaded is refused. Returns a one-line summary.
CREATE FUNCTION kenes.draft_version_load(doc jsonb) RETURNS text
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

-- The plain loader (sql/migrate --load) may no longer add a later version without a mapping,
-- nor make a superseded version current again (make run reloads the first file each start).
CREATE OR REPLACE FUNCTION kenes.consultation_load(doc jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    cid integer;
    n integer := (doc#>>'{version,number}')::integer;
    cur integer;
BEGIN
    SELECT v.number INTO cur FROM kenes.consultation c
    JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
    WHERE c.slug = doc->>'slug';
    IF cur IS NOT NULL AND NOT EXISTS (
        SELECT FROM kenes.consultation c JOIN kenes.draft_version v ON v.consultation_id = c.id
        WHERE c.slug = doc->>'slug' AND v.number = n) THEN
        RAISE EXCEPTION 'version % of % is new: load it with sql/migrate --load-version and a mapping from version %',
            n, doc->>'slug', cur;
    END IF;
    IF cur > n THEN
        doc := jsonb_set(doc, '{version,current}', 'false');
        RAISE NOTICE 'version % of % stays superseded: version % is current', n, doc->>'slug', cur;
    END IF;
    cid := kenes.consultation_load_structure(doc);
    UPDATE kenes.consultation SET
        identity_policy = coalesce(doc#>>'{identity,policy}', identity_policy),
        proposals_require_identity = coalesce((doc#>>'{identity,proposals_require_identity}')::boolean,
                                              proposals_require_identity)
    WHERE id = cid;
    RETURN cid;
END
$$;

-- A proposal's part for its own page: its label on its own version, whether that version is
-- current, and when not, what the part became in the current one (following the mappings
-- of every later version): the parts, and the strongest change on the way (split, merged,
-- renumbered, same; removed when nothing was reached).
CREATE FUNCTION kenes.part_json(p_part integer) RETURNS jsonb
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

-- Group commit learns the version a proposal was validated against ("version" in a job):
-- when another version became current in between, the proposal is refused, never stored
-- on a part of a draft its author did not see.
CREATE OR REPLACE FUNCTION kenes.proposal_submit_batch(jobs jsonb)
RETURNS TABLE (ord integer, status integer, code text, body text, retry_after integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    job jsonb;
    r kenes.outcome;
BEGIN
    ord := 0;
    FOR job IN SELECT value FROM jsonb_array_elements(jobs) LOOP
        ord := ord + 1;
        BEGIN
            r := kenes.proposal_submit(
                job->>'consultation', job->>'kind', (job->>'number')::integer, job->>'stance',
                job->>'text', job->>'proposed_wording', job->>'lang', job->>'region',
                job->>'channel', ARRAY(SELECT jsonb_array_elements_text(job->'topics')),
                decode(job->>'submitter', 'hex'), job->>'key', decode(job->>'hash', 'hex'),
                (job->>'per_hour')::integer);
            IF r.status = 201 AND job ? 'version'
               AND (r.body::jsonb->>'version') IS DISTINCT FROM (job->>'version') THEN
                RAISE EXCEPTION USING ERRCODE = 'KN001', MESSAGE = r.body::jsonb->>'version';
            END IF;
        EXCEPTION
            WHEN SQLSTATE 'KN001' THEN  -- undoes the insert and its idempotency row
                r := ROW(422, 'version_not_current', jsonb_build_object('version', SQLERRM::integer)::text, NULL)::kenes.outcome;
            WHEN OTHERS THEN
                RAISE WARNING 'proposal % of a batch failed: % %', ord, SQLSTATE, SQLERRM;
                r := ROW(500, 'internal', NULL, NULL)::kenes.outcome;
        END;
        status := r.status;
        code := r.code;
        body := r.body;
        retry_after := r.retry_after;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Tallies per lineage node (by=identity): each published, counted proposal once, under the
-- node of its part's identity; also per part (part_id set), for the lineage breakdown. From
-- the per-proposal state of the last refresh, so people are distinct across versions.
-- $2, $3: local days, NULL for open. SECURITY DEFINER: counts, never pseudonyms.
CREATE FUNCTION kenes.tally_identity(p_consultation integer, p_from date, p_to date)
RETURNS TABLE (node_id integer, part_id integer, stance text, proposals bigint, people bigint, supports bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH counted AS (
        SELECT a.proposal_id, a.part_id, a.stance, a.submitter, n.node_id,
               (SELECT coalesce(sum(s.supports), 0) FROM kenes.tally_applied_support s
                WHERE s.proposal_id = a.proposal_id
                  AND s.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')) AS supports,
               a.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity') AS in_range
        FROM kenes.tally_applied a
        JOIN kenes.part p ON p.id = a.part_id
        JOIN kenes.identity_node(p_consultation) n ON n.identity_id = p.identity_id
        WHERE a.consultation_id = p_consultation)
    SELECT c.node_id, g.part_id, s.stance,
           count(*) FILTER (WHERE c.in_range),
           count(DISTINCT c.submitter) FILTER (WHERE c.in_range),
           sum(c.supports)::bigint
    FROM counted c
    CROSS JOIN LATERAL (VALUES (c.stance), ('all')) AS s(stance)
    CROSS JOIN LATERAL (VALUES (NULL::integer), (c.part_id)) AS g(part_id)
    GROUP BY c.node_id, g.part_id, s.stance
$$;
REVOKE EXECUTE ON FUNCTION kenes.tally_identity FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION kenes.draft_version_load, kenes.draft_mapping_problems FROM PUBLIC;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['kenes_handler', 'kenes_analyst', 'kenes_aggregator'] LOOP
        IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('GRANT SELECT ON kenes.part_mapping TO %I', r);
            EXECUTE format('GRANT EXECUTE ON FUNCTION kenes.tally_identity TO %I', r);
        END IF;
    END LOOP;
END
$$;
