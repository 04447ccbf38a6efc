-- Signs out: ends the session stored under p_session (the SHA-256 of its cookie) and appends
-- 'sign_out' to kenes.staff_audit. False when there was no open session.
CREATE OR REPLACE FUNCTION kenes.staff_session_close(p_session bytea, p_address text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s record;
BEGIN
    UPDATE kenes.staff_session SET ended_at = clock_timestamp()
    WHERE session_sha256 = p_session AND ended_at IS NULL
    RETURNING id, token_id, role INTO s;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, address)
    VALUES ('sign_out', s.id, s.token_id, s.role, p_address);
    RETURN true;
END
$$;
