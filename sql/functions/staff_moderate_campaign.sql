-- kenes.moderate_campaign for a staff workspace session (by the SHA-256 of its cookie): the
-- same action, checks and log entry, acting as the token that opened the session, which the
-- handler's role never sees. 401 'invalid_session' when the session is not open or its token
-- is revoked (the idle and absolute limits were checked by kenes.staff_session_check).
CREATE OR REPLACE FUNCTION kenes.staff_moderate_campaign(p_session bytea, p_action text, p_campaign bigint, p_reason text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN v.token IS NULL THEN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome
                ELSE kenes.moderate_campaign(v.token, p_action, p_campaign, p_reason) END
    FROM (SELECT kenes.staff_actor_token(p_session)) AS v(token)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_moderate_campaign FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_moderate_campaign', 'kenes_handler'); END $$;
