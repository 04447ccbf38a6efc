-- Hides ('hide'), shows again ('unhide') or marks as a duplicate ('duplicate', of
-- p_duplicate_of) one proposal, and logs it when something changed. 200 either way, with
-- "changed"; 401/403 for the token, 404 for an unknown proposal, 422 for a bad original
-- (the outcome's body then names the field). Repeating an action changes nothing.
-- A duplicate locks both proposals' rows in id order before its checks, so that two
-- moderators marking P of Q and Q of P at once take turns (tests/integration/moderation-race.sh).
-- Acts as `actor`: a token's (kenes.moderate_proposal) or a single sign-on person's
-- (kenes.staff_sso_moderate_proposal). Only for those SECURITY DEFINER functions: no grant.
CREATE OR REPLACE FUNCTION kenes.moderate_proposal_as(actor kenes.moderation_actor_t, p_action text,
                                                  p_proposal bigint, p_reason text, p_duplicate_of bigint)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refusal kenes.outcome;
    p record;
    st kenes.moderation_state;
    changed boolean := false;
    affected integer := 0;
    v_log bigint;
BEGIN
    refusal := kenes.moderation_refusal(actor);
    IF refusal.status IS NOT NULL THEN RETURN refusal; END IF;
    IF p_action NOT IN ('hide', 'unhide', 'duplicate') THEN
        RAISE EXCEPTION 'unknown moderation action %', p_action;
    END IF;
    -- A duplicate's checks read the original's state too: lock both rows, lowest id first
    -- (as moderate_campaign does), so that two moderators marking P of Q and Q of P, or A of
    -- B and B of C, take turns and the second sees the first (and neither deadlocks).
    IF p_action = 'duplicate' THEN
        PERFORM FROM kenes.proposal WHERE id IN (p_proposal, p_duplicate_of) ORDER BY id FOR UPDATE;
    END IF;
    SELECT id, consultation_id, status INTO p FROM kenes.proposal WHERE id = p_proposal FOR UPDATE;
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    SELECT * INTO st FROM kenes.moderation_state WHERE proposal_id = p_proposal;
    IF p_action = 'duplicate' THEN
        refusal := kenes.moderation_original_refusal(p_proposal, p.consultation_id, p_duplicate_of);
        IF refusal.status IS NOT NULL THEN RETURN refusal; END IF;
        changed := st.duplicate_of IS DISTINCT FROM p_duplicate_of OR p.status <> 'hidden';
    ELSIF p_action = 'hide' THEN
        -- Hidden already (on its own or as a duplicate): nothing to do. Hidden with its
        -- campaign: pinned, so that showing the campaign again leaves it hidden.
        changed := p.status <> 'hidden' OR st.via = 'campaign';
    ELSE
        changed := p.status <> 'published';
    END IF;
    IF changed THEN
        affected := kenes.moderation_set_status(p_proposal,
                        CASE WHEN p_action = 'unhide' THEN 'published' ELSE 'hidden' END)::integer;
        v_log := kenes.moderation_append(actor, p_action, p_proposal, NULL,
                      CASE WHEN p_action = 'duplicate' THEN p_duplicate_of END, NULL, NULL,
                      affected, p_reason);
        DELETE FROM kenes.moderation_state WHERE proposal_id = p_proposal;
        IF p_action <> 'unhide' THEN
            INSERT INTO kenes.moderation_state (proposal_id, via, duplicate_of, log_id)
            VALUES (p_proposal, CASE WHEN p_action = 'duplicate' THEN 'duplicate' ELSE 'proposal' END,
                    CASE WHEN p_action = 'duplicate' THEN p_duplicate_of END, v_log);
        END IF;
    END IF;
    RETURN ROW(200, CASE WHEN changed THEN 'changed' ELSE 'unchanged' END,
               (kenes.moderation_proposal_json(p_proposal)
                   || jsonb_build_object('action', p_action, 'changed', changed, 'log_id', v_log))::text,
               NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.moderate_proposal_as FROM PUBLIC;
