-- kenes.position_act for a staff workspace session (by the SHA-256 of its cookie): the same
-- change, checks and log entry, acting as the token that opened the session, which the
-- handler's role never sees. 401 'invalid_session' when the session is not open or its token
-- is revoked (the idle and absolute limits were checked by kenes.staff_session_check).
CREATE OR REPLACE FUNCTION kenes.staff_position_act(p_session bytea, p_action text, p_id bigint, p_body jsonb)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN v.token IS NULL THEN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome
                ELSE kenes.position_act(v.token, p_action, p_id, p_body) END
    FROM (SELECT kenes.staff_actor_token(p_session)) AS v(token)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_position_act FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_position_act', 'kenes_handler'); END $$;
