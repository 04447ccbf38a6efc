-- A proposal's part for its own page, as one value: kenes.part_doc (which says what it holds).
CREATE OR REPLACE FUNCTION kenes.part_json(p_part integer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT d.doc FROM kenes.part_doc(p_part) d
$$;
