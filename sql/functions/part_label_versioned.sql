-- A part's label with its version when that is not the current one: "Article 90 (version 1)".
CREATE OR REPLACE FUNCTION kenes.part_label_versioned(p kenes.part, lang text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT kenes.part_label(p, lang) || CASE WHEN v.is_current THEN '' ELSE
               CASE lang WHEN 'kk' THEN ' (' || v.number || '-нұсқа)'
                         WHEN 'ru' THEN ' (версия ' || v.number || ')'
                         ELSE ' (version ' || v.number || ')' END END
    FROM kenes.draft_version v WHERE v.id = p.version_id
$$;
