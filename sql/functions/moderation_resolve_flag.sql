-- kenes.moderation_flag_resolve_as for the token with this SHA-256 (the API's moderators):
-- resolves an open identity flag, logged under the token. 401/403 for the token.
CREATE OR REPLACE FUNCTION kenes.moderation_resolve_flag(p_token bytea, p_flag bigint, p_decision text,
                                                         p_reason text)
RETURNS kenes.outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.moderation_flag_resolve_as(kenes.moderation_actor(p_token), p_flag, p_decision, p_reason)
$$;
