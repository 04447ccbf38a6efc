-- Signs a person in with a bearer token (sql/migrations/029): the role of the live token whose
-- SHA-256 is p_token, with a new session stored under p_session (the SHA-256 of the cookie's
-- value), or 'invalid' for an unknown or revoked token, or 'throttled' when this address
-- failed more than p_failures times in the last minute (nothing is then checked or stored).
-- Every outcome but 'throttled' is appended to kenes.staff_audit; the token is not.
CREATE OR REPLACE FUNCTION kenes.staff_session_open(p_session bytea, p_token bytea, p_address text,
                                                    p_failures integer)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t record;
    v_session bigint;
BEGIN
    IF (SELECT count(*) FROM kenes.staff_audit a
        WHERE a.event = 'sign_in_failed' AND a.address = p_address
          AND a.at > clock_timestamp() - interval '1 minute') >= p_failures THEN
        RETURN 'throttled';
    END IF;
    SELECT k.id, k.role INTO t FROM kenes.staff_token k
    WHERE k.token_sha256 = p_token AND k.revoked_at IS NULL;
    IF NOT FOUND THEN
        INSERT INTO kenes.staff_audit (event, address) VALUES ('sign_in_failed', p_address);
        RETURN 'invalid';
    END IF;
    INSERT INTO kenes.staff_session (session_sha256, token_id, role)
    VALUES (p_session, t.id, t.role) RETURNING id INTO v_session;
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, address)
    VALUES ('sign_in', v_session, t.id, t.role, p_address);
    RETURN t.role;
END
$$;
