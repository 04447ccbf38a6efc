-- kenes.staff_act_report_request for the staff workspace session stored under p_session (the
-- SHA-256 of its cookie), acting as its token: 401 'invalid_session' when the session is not
-- open or its token is revoked.
CREATE OR REPLACE FUNCTION kenes.staff_report_request(p_session bytea, p_consultation integer, p_number integer,
                                                      p_address text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.staff_act_report_request(kenes.staff_actor_session(p_session), p_consultation, p_number,
                                          p_address)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_report_request FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_report_request', 'kenes_handler'); END $$;
