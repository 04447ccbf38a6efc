-- Places proposals in position p_position (of part p_part) by a person: each leaves whatever
-- position of the part it was in, or is kept out of every one when p_position is NULL.
-- Returns how many changed place.
CREATE OR REPLACE FUNCTION kenes.position_place(p_part integer, p_position bigint, p_ids bigint[])
RETURNS integer
-- plpgsql, not sql: its plans are kept per session (a SQL function that cannot be
-- inlined is planned at every call, and over the partitioned proposals that is the cost).
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    changed integer;
BEGIN
    WITH before AS (
        SELECT i AS proposal_id, pl.position_id
        FROM (SELECT DISTINCT unnest(p_ids) AS i) u(i)
        LEFT JOIN kenes.position_placement pl ON pl.part_id = p_part AND pl.proposal_id = i),
    upsert AS (
        INSERT INTO kenes.position_member (part_id, proposal_id, position_id)
        SELECT p_part, b.proposal_id, p_position FROM before b
        ON CONFLICT (part_id, proposal_id) DO UPDATE SET position_id = excluded.position_id
        RETURNING 1)
    SELECT count(*)::integer INTO changed FROM before b
    WHERE b.position_id IS DISTINCT FROM p_position;  -- (upsert runs whether read or not)
    RETURN changed;
END
$$;
