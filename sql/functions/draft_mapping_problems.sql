-- Checks a loaded version's mapping against its parts and those of the version it replaces.
-- The entries are in pg_temp.draft_map; returns every problem found (empty: none).
CREATE OR REPLACE FUNCTION kenes.draft_mapping_problems(old_vid integer, new_vid integer)
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
