-- 401 'invalid_session' as an outcome when the actor is neither a live token session nor an
-- SSO person, 403 'forbidden' when its role is not p_role (the route's, checked again here as
-- kenes.moderation_refusal does for moderators); NULL when it may act.
CREATE OR REPLACE FUNCTION kenes.staff_actor_refusal(actor kenes.staff_actor_t, p_role text)
RETURNS kenes.outcome
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN actor.session_id IS NULL AND actor.sso_subject IS NULL
                    THEN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome
                WHEN actor.role IS DISTINCT FROM p_role
                    THEN ROW(403, 'forbidden', NULL, NULL)::kenes.outcome END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_actor_refusal FROM PUBLIC;
