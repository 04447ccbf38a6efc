-- 401/403 as an outcome when the actor (a token or an SSO person) may not moderate; NULL
-- when it may.
CREATE OR REPLACE FUNCTION kenes.moderation_refusal(actor kenes.moderation_actor_t) RETURNS kenes.outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF actor.token_id IS NULL AND actor.sso_subject IS NULL THEN
        RETURN ROW(401, 'invalid_token', NULL, NULL)::kenes.outcome;
    ELSIF actor.role <> 'moderator' THEN
        RETURN ROW(403, 'forbidden', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN NULL;
END
$$;
