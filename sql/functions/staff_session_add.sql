-- kenes.staff_act_session_add for the staff workspace session stored under p_session (the
-- SHA-256 of its cookie), acting as its token: 401 'invalid_session' when the session is not
-- open or its token is revoked.
CREATE OR REPLACE FUNCTION kenes.staff_session_add(p_session bytea, p_consultation integer, p_number integer,
                                                   p_held_on date, p_title text, p_address text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.staff_act_session_add(kenes.staff_actor_session(p_session), p_consultation, p_number,
                                       p_held_on, p_title, p_address)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_session_add FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_session_add', 'kenes_handler'); END $$;
