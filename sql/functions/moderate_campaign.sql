-- kenes.moderate_campaign_as for the token with this SHA-256 (the API's moderators): hides or
-- shows again a whole campaign, logged under the token. 401/403 for the token. PL/pgSQL, so
-- that its body, which names a function sorting after it, is not checked when sql/migrate
-- creates it.
CREATE OR REPLACE FUNCTION kenes.moderate_campaign(p_token bytea, p_action text, p_campaign bigint, p_reason text)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN kenes.moderate_campaign_as(kenes.moderation_actor(p_token), p_action, p_campaign, p_reason);
END
$$;
