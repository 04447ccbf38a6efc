-- The display label of a part in one language: its title when the draft gives one,
-- otherwise "Article N" in that language. Constitutional text is never invented here.
-- Integers are cast to text before ||, so the function stays inlinable (kenes.part_target).
CREATE OR REPLACE FUNCTION kenes.part_label(p kenes.part, lang text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p.kind IN ('section', 'article') THEN
            CASE lang
                WHEN 'kk' THEN p.number::text || CASE p.kind WHEN 'section' THEN '-бөлім' ELSE '-бап' END
                WHEN 'ru' THEN CASE p.kind WHEN 'section' THEN 'Раздел ' ELSE 'Статья ' END || p.number::text
                ELSE CASE p.kind WHEN 'section' THEN 'Section ' ELSE 'Article ' END || p.number::text
            END
            || coalesce('. ' || CASE lang WHEN 'kk' THEN p.title_kk WHEN 'ru' THEN p.title_ru
                                          ELSE p.title_en END, '')
        ELSE CASE lang WHEN 'kk' THEN p.title_kk WHEN 'ru' THEN p.title_ru ELSE p.title_en END
    END
$$;
