-- Appends one entry to the moderation log for `actor`; returns its id.
CREATE OR REPLACE FUNCTION kenes.moderation_append(actor kenes.moderation_actor_t, p_action text, p_proposal bigint,
                                        p_campaign bigint, p_duplicate_of bigint, p_flag bigint,
                                        p_decision text, p_affected integer, p_reason text)
RETURNS bigint
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO kenes.moderation_log (token_id, sso_subject, actor, role, action, proposal_id,
                                      campaign_id, duplicate_of, flag_id, decision, affected, reason)
    VALUES ((actor).token_id, (actor).sso_subject, (actor).name, (actor).role, p_action, p_proposal,
            p_campaign, p_duplicate_of, p_flag, p_decision, p_affected, p_reason)
    RETURNING id
$$;
