-- What a part's label gains when its draft version is not the current one: " (version 1)".
-- Plain arguments, no table: callers that have the version row at hand use it instead of
-- kenes.part_label_versioned, whose lookup per call costs about 0.25 ms (the labels of 108
-- parts in three languages: 86 ms through it, 3 ms so).
-- Integers are cast to text before ||, so the function stays inlinable (kenes.part_target).
CREATE OR REPLACE FUNCTION kenes.part_label_suffix(number integer, is_current boolean, lang text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN is_current THEN '' ELSE
               CASE lang WHEN 'kk' THEN ' (' || number::text || '-нұсқа)'
                         WHEN 'ru' THEN ' (версия ' || number::text || ')'
                         ELSE ' (version ' || number::text || ')' END END
$$;
