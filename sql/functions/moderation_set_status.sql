-- Sets a proposal's status; true when it changed.
CREATE OR REPLACE FUNCTION kenes.moderation_set_status(p_proposal bigint, p_status text) RETURNS boolean
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    WITH changed AS (
        UPDATE kenes.proposal SET status = p_status
        WHERE id = p_proposal AND status <> p_status RETURNING 1)
    SELECT count(*) = 1 FROM changed
$$;
