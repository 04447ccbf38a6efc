-- kenes.moderate_campaign for a staff workspace session (by the SHA-256 of its cookie): the
-- same action, checks and log entry, acting as the token that opened the session, which the
-- handler's role never sees. 401 'invalid_session' when the session is not open or its token
-- is revoked (the idle and absolute limits were checked by kenes.staff_session_check).
CREATE OR REPLACE FUNCTION kenes.staff_moderate_campaign(p_session bytea, p_action text, p_campaign bigint, p_reason text)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_token bytea;
BEGIN
    SELECT t.token_sha256 INTO v_token
    FROM kenes.staff_session s JOIN kenes.staff_token t ON t.id = s.token_id
    WHERE s.session_sha256 = p_session AND s.ended_at IS NULL AND t.revoked_at IS NULL;
    IF NOT FOUND THEN
        RETURN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN kenes.moderate_campaign(v_token, p_action, p_campaign, p_reason);
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_moderate_campaign FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT EXECUTE ON FUNCTION kenes.staff_moderate_campaign TO kenes_handler;
    END IF;
END
$$;
