-- One entry of kenes.staff_audit for what `actor` did (an event other than the sign-ins',
-- which kenes.staff_session_open and _close write): its session and token, or its SSO subject.
CREATE OR REPLACE FUNCTION kenes.staff_audit_append(actor kenes.staff_actor_t, p_event text, p_address text,
                                                    p_detail jsonb)
RETURNS void
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, sso_subject, address, detail)
    VALUES (p_event, actor.session_id, actor.token_id, actor.role, actor.sso_subject, p_address, p_detail)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_audit_append FROM PUBLIC;
