-- kenes.position_act_as for the staff workspace (docs/STAFF.md, "Positions"): the same
-- change, checks and log entry as the API's, for one of the two ways in.
--   a token session: p_session is the SHA-256 of its cookie; it acts as the token that opened
--     the session, which the handler's role never sees. 401 'invalid_session' when the
--     session is not open or its token is revoked (the idle and absolute limits were checked
--     by kenes.staff_session_check).
--   the single sign-on: p_session NULL, p_subject and p_role those of the trusted FastCGI
--     parameters, which nginx sets from the SSO and the handler trusts for every staff page
--     (docs/STAFF.md, "Signing in"), so granting this to the handler trusts it no further.
--     The log names the subject and no token (migration 037).
-- Either way position_act_as checks the role again: 403 for one other than staff.
CREATE OR REPLACE FUNCTION kenes.staff_position_act(p_session bytea, p_subject text, p_role text, p_action text,
                                                    p_id bigint, p_body jsonb)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    token bytea := kenes.staff_actor_token(p_session);
BEGIN
    IF p_session IS NULL THEN
        RETURN kenes.position_act_as(
            ROW(NULL, NULLIF(p_subject, ''), p_role, NULLIF(p_subject, ''))::kenes.moderation_actor_t,
            p_action, p_id, p_body);
    ELSIF token IS NULL THEN
        RETURN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN kenes.position_act_as(kenes.moderation_actor(token), p_action, p_id, p_body);
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_position_act FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_position_act', 'kenes_handler'); END $$;
