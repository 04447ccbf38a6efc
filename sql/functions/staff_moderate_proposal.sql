-- kenes.moderate_proposal for a staff workspace session (by the SHA-256 of its cookie): the
-- same action, checks and log entry, acting as the token that opened the session, which the
-- handler's role never sees. 401 'invalid_session' when the session is not open or its token
-- is revoked (the idle and absolute limits were checked by kenes.staff_session_check).
CREATE OR REPLACE FUNCTION kenes.staff_moderate_proposal(p_session bytea, p_action text, p_proposal bigint, p_reason text, p_duplicate_of bigint)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN v.token IS NULL THEN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome
                ELSE kenes.moderate_proposal(v.token, p_action, p_proposal, p_reason, p_duplicate_of) END
    FROM (SELECT kenes.staff_actor_token(p_session)) AS v(token)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_moderate_proposal FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_moderate_proposal', 'kenes_handler'); END $$;
