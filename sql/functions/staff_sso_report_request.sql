-- kenes.staff_act_report_request for a person signed in through the single sign-on
-- (migration 035): the request and the audit log name the SSO subject instead of a token. 401
-- 'invalid_session' without a subject, 403 'forbidden' for a role other than staff.
CREATE OR REPLACE FUNCTION kenes.staff_sso_report_request(p_subject text, p_role text, p_consultation integer,
                                                          p_number integer, p_address text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.staff_act_report_request(kenes.staff_actor_sso(p_subject, p_role), p_consultation, p_number,
                                          p_address)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_sso_report_request FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_sso_report_request', 'kenes_handler'); END $$;
