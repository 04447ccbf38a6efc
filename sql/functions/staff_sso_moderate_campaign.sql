-- kenes.moderate_campaign for a moderator signed in through the single sign-on: the same
-- action, checks and log entry, under the SSO subject instead of a token (migration 034). The
-- handler passes the subject and role of the trusted FastCGI parameters, which nginx sets
-- from the SSO and the handler trusts for every staff page (docs/STAFF.md, "Signing in"):
-- granting this to the handler trusts it no further. 401 without a subject, 403 for a role
-- other than moderator.
CREATE OR REPLACE FUNCTION kenes.staff_sso_moderate_campaign(p_subject text, p_role text, p_action text,
                                                         p_campaign bigint, p_reason text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.moderate_campaign_as(
        ROW(NULL, NULLIF(p_subject, ''), p_role, NULLIF(p_subject, ''))::kenes.moderation_actor_t,
        p_action, p_campaign, p_reason)
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_sso_moderate_campaign FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_sso_moderate_campaign', 'kenes_handler'); END $$;
