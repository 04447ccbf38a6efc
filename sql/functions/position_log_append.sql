-- One entry of the positions' log, under the actor's token or SSO subject (migration 037);
-- returns its id.
CREATE OR REPLACE FUNCTION kenes.position_log_append(actor kenes.moderation_actor_t, p_action text,
                                                     p_position bigint, p_suggestion bigint,
                                                     p_detail jsonb, p_affected integer, p_reason text)
RETURNS bigint
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO kenes.position_log (token_id, sso_subject, actor, role, action, position_id, suggestion_id,
                                    detail, affected, reason)
    VALUES ((actor).token_id, (actor).sso_subject, (actor).name, (actor).role, p_action, p_position,
            p_suggestion, coalesce(p_detail, '{}'), p_affected, p_reason)
    RETURNING id
$$;
