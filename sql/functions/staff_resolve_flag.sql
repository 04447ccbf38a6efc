-- kenes.moderation_flag_resolve_as from the staff workspace's moderation queue: for a token
-- session (p_session, the SHA-256 of its cookie) acting as the token that opened it, which the
-- handler's role never sees; or, with p_session NULL, for a moderator signed in through the
-- single sign-on (the trusted subject and role: migration 034), logged under the SSO subject.
-- 401 when the session is not open or its token revoked, or without a subject; 403 for a role
-- other than moderator (kenes.moderation_refusal).
CREATE OR REPLACE FUNCTION kenes.staff_resolve_flag(p_session bytea, p_subject text, p_role text, p_flag bigint,
                                                    p_decision text, p_reason text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.moderation_flag_resolve_as(
        CASE WHEN p_session IS NULL
             THEN ROW(NULL, NULLIF(p_subject, ''), p_role, NULLIF(p_subject, ''))::kenes.moderation_actor_t
             ELSE kenes.moderation_actor(kenes.staff_actor_token(p_session)) END,
        p_flag, p_decision, p_reason)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_resolve_flag FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_resolve_flag', 'kenes_handler'); END $$;
