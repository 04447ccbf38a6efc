-- The tallies of the cells p_cells (ids of one consultation's cells) over local days
-- [p_from, p_to] (either may be NULL: open), or all-time when the range covers every day
-- with data (stored per cell). Proposals and supports add up the cells' day rows; people are
-- summed from their people pairs (migration 039): a person counts once, for their first day
-- in the range, the pair of that day and the day before it on which they made a proposal in
-- the cell (none, or before the range). kenes.tally_between is this for a whole dimension; a
-- page that shows a few cells asks for those only (staff_part_where.sql).
-- SECURITY DEFINER, as tally_between: counts for roles that may not read the tables.
CREATE OR REPLACE FUNCTION kenes.tally_cells_between(p_consultation integer, p_cells integer[],
                                                     p_from date, p_to date)
RETURNS TABLE (cell_id integer, proposals bigint, people bigint, supports bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp ROWS 500 AS $$
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
        WHERE c.id = ANY (p_cells) AND c.consultation_id = p_consultation;
        RETURN;
    END IF;
    RETURN QUERY
    WITH days AS (
        SELECT d.cell_id, sum(d.proposals)::bigint AS proposals, sum(d.supports)::bigint AS supports
        FROM kenes.tally_day d
        WHERE d.cell_id = ANY (p_cells)
          AND d.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
        GROUP BY d.cell_id),
    people AS (
        SELECT x.cell_id, sum(x.people)::bigint AS people
        FROM kenes.tally_people_day x
        WHERE x.cell_id = ANY (p_cells)
          AND x.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
          AND (x.prev_day = '-infinity' OR x.prev_day < p_from)
        GROUP BY x.cell_id)
    SELECT c.id, coalesce(d.proposals, 0), coalesce(p.people, 0), coalesce(d.supports, 0)
    FROM kenes.tally_cell c
    LEFT JOIN days d ON d.cell_id = c.id
    LEFT JOIN people p ON p.cell_id = c.id
    WHERE c.id = ANY (p_cells) AND c.consultation_id = p_consultation;
END
$$;
DO $$
BEGIN
    PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.tally_cells_between',
                            'kenes_handler', 'kenes_aggregator', 'kenes_analyst');
END
$$;
