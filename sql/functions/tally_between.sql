-- The tallies of one dimension over local days [p_from, p_to] (either may be NULL: open):
-- kenes.tally_cells_between for every cell of p_dim. (PL/pgSQL, whose body is not checked
-- when created: sql/migrate applies tally_cells_between.sql after this file.)
-- SECURITY DEFINER so that roles without access to pseudonyms get counts, never pseudonyms.
CREATE OR REPLACE FUNCTION kenes.tally_between(p_consultation integer, p_dim text, p_from date, p_to date)
RETURNS TABLE (cell_id integer, proposals bigint, people bigint, supports bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp ROWS 500 AS $$
BEGIN
    RETURN QUERY
    SELECT t.cell_id, t.proposals, t.people, t.supports
    FROM kenes.tally_cells_between(p_consultation,
             ARRAY(SELECT c.id FROM kenes.tally_cell c
                   WHERE c.consultation_id = p_consultation AND c.dim = p_dim),
             p_from, p_to) AS t;
END
$$;
