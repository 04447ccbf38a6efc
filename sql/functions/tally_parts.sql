-- The parts a tally by part shows (sql/queries/tally_part.sql, tally_parts_by.sql), with
-- their labels: of consultation p_consultation; p_kind 'article' for articles only, or NULL;
-- p_version NULL or 'all' for every version, 'current', or a version number. The callers
-- read it in a MATERIALIZED WITH, so each label is made once per part, not once per row;
-- the version row is at hand, so no part_label_versioned lookup (sql/functions/part_label_suffix.sql).
CREATE OR REPLACE FUNCTION kenes.tally_parts(p_consultation integer, p_kind text, p_version text)
RETURNS TABLE (id integer, ordinal integer, version integer, is_current boolean, target text, kk text,
               ru text, en text)
LANGUAGE sql STABLE AS $$
    SELECT p.id, p.ordinal, v.number, v.is_current, kenes.part_target(p),
           kenes.part_label(p, 'kk') || kenes.part_label_suffix(v.number, v.is_current, 'kk'),
           kenes.part_label(p, 'ru') || kenes.part_label_suffix(v.number, v.is_current, 'ru'),
           kenes.part_label(p, 'en') || kenes.part_label_suffix(v.number, v.is_current, 'en')
    FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id
    WHERE v.consultation_id = p_consultation AND (p_kind IS NULL OR p.kind = p_kind)
      AND CASE WHEN p_version IS NULL OR p_version = 'all' THEN true
               WHEN p_version = 'current' THEN v.is_current
               ELSE v.number::text = p_version END
$$;
