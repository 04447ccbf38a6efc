-- kenes.staff_act_session_add for a person signed in through the single sign-on (migration
-- 035): the audit log names the SSO subject instead of a token. 401 'invalid_session' without
-- a subject, 403 'forbidden' for a role other than staff (kenes.staff_actor_sso).
CREATE OR REPLACE FUNCTION kenes.staff_sso_session_add(p_subject text, p_role text, p_consultation integer,
                                                       p_number integer, p_held_on date, p_title text,
                                                       p_address text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.staff_act_session_add(kenes.staff_actor_sso(p_subject, p_role), p_consultation, p_number,
                                       p_held_on, p_title, p_address)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_sso_session_add FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_sso_session_add', 'kenes_handler'); END $$;
