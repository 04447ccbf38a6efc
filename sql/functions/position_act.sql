-- kenes.position_act_as for the staff token with this SHA-256 (the API's, docs/POSITIONS.md):
-- the change, its checks and its log entry under the token. 401 'invalid_token' for one
-- unknown or revoked, 403 for a role other than staff. PL/pgSQL, so that its body, which
-- names a function sorting after it, is not checked when sql/migrate creates it.
CREATE OR REPLACE FUNCTION kenes.position_act(p_token bytea, p_action text, p_id bigint, p_body jsonb)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    actor kenes.moderation_actor_t := kenes.moderation_actor(p_token);
BEGIN
    RETURN kenes.position_act_as(actor, p_action, p_id, p_body);
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.position_act FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.position_act', 'kenes_handler'); END $$;
