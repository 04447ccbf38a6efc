-- kenes.moderate_proposal_as for the token with this SHA-256 (the API's moderators): hides,
-- shows again or marks as a duplicate one proposal, logged under the token. 401/403 for the
-- token. PL/pgSQL, so that its body, which names a function sorting after it, is not checked
-- when sql/migrate creates it.
CREATE OR REPLACE FUNCTION kenes.moderate_proposal(p_token bytea, p_action text, p_proposal bigint,
                                        p_reason text, p_duplicate_of bigint)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN kenes.moderate_proposal_as(kenes.moderation_actor(p_token), p_action, p_proposal, p_reason,
                                      p_duplicate_of);
END
$$;
