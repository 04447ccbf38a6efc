-- The tallies of one dimension over local days [p_from, p_to] (either may be NULL: open),
-- or all-time when the range covers every day with data (stored per cell). People in a
-- narrower range are summed from the cells' people pairs (migration 039).
-- SECURITY DEFINER so that roles without access to pseudonyms get counts, never pseudonyms.
CREATE OR REPLACE FUNCTION kenes.tally_between(p_consultation integer, p_dim text, p_from date, p_to date)
RETURNS TABLE (cell_id integer, proposals bigint, people bigint, supports bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    first_day date;
    last_day date;
BEGIN
    -- The first and last day with data: two index probes on the consultation's total cell.
    SELECT min(d.day), max(d.day) INTO first_day, last_day
    FROM kenes.tally_cell c JOIN kenes.tally_day d ON d.cell_id = c.id
    WHERE c.consultation_id = p_consultation AND c.dim = 'total' AND c.stance = 'all';
    IF first_day IS NULL OR (coalesce(p_from, '-infinity') <= first_day
                             AND coalesce(p_to, 'infinity') >= last_day) THEN
        RETURN QUERY
        SELECT c.id, c.proposals, c.people, c.supports
        FROM kenes.tally_cell c
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim;
        RETURN;
    END IF;
    RETURN QUERY
    WITH days AS (
        SELECT d.cell_id, sum(d.proposals)::bigint AS proposals, sum(d.supports)::bigint AS supports
        FROM kenes.tally_cell c
        JOIN kenes.tally_day d ON d.cell_id = c.id
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim
          AND d.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
        GROUP BY d.cell_id),
    -- A person counts once, for their first day in the range: the pair of that day and the
    -- day before it on which they made a proposal there (none, or before the range).
    people AS (
        SELECT x.cell_id, sum(x.people)::bigint AS people
        FROM kenes.tally_cell c
        JOIN kenes.tally_people_day x ON x.cell_id = c.id
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim
          AND x.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
          AND (x.prev_day = '-infinity' OR x.prev_day < p_from)
        GROUP BY x.cell_id)
    SELECT c.id, coalesce(d.proposals, 0), coalesce(p.people, 0), coalesce(d.supports, 0)
    FROM kenes.tally_cell c
    LEFT JOIN days d ON d.cell_id = c.id
    LEFT JOIN people p ON p.cell_id = c.id
    WHERE c.consultation_id = p_consultation AND c.dim = p_dim;
END
$$;
