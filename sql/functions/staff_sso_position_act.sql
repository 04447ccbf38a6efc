-- kenes.position_act for a staff person signed in through the single sign-on: the same
-- change, checks and log entry, under the SSO subject instead of a token (migration 037). The
-- handler passes the subject and role of the trusted FastCGI parameters, which nginx sets
-- from the SSO and the handler trusts for every staff page (docs/STAFF.md, "Signing in"):
-- granting this to the handler trusts it no further. 401 without a subject, 403 for a role
-- other than staff (kenes.position_act_as checks it again).
CREATE OR REPLACE FUNCTION kenes.staff_sso_position_act(p_subject text, p_role text, p_action text, p_id bigint,
                                                        p_body jsonb)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.position_act_as(
        ROW(NULL, NULLIF(p_subject, ''), p_role, NULLIF(p_subject, ''))::kenes.moderation_actor_t,
        p_action, p_id, p_body)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_sso_position_act FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_sso_position_act', 'kenes_handler'); END $$;
