-- A part's label with its version when that is not the current one: "Article 90 (version 1)".
-- Looks the version up: where the version row is at hand, part_label || part_label_suffix.
CREATE OR REPLACE FUNCTION kenes.part_label_versioned(p kenes.part, lang text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT kenes.part_label(p, lang) || kenes.part_label_suffix(v.number, v.is_current, lang)
    FROM kenes.draft_version v WHERE v.id = p.version_id
$$;
