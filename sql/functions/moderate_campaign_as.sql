-- Hides every published member of a campaign (kenes.campaign_member) with one call, or
-- shows again the members hidden that way ('unhide'). Proposals hidden on their own or as
-- duplicates are left as they are both ways. One log entry per call, with how many
-- proposals changed and which (moderation_log.proposal_ids). 200 either way, with
-- "changed"; 401/403 for the token, 404 for an unknown campaign.
--
-- moderation_state.campaign_id has no foreign key: the aggregator may merge or renumber
-- campaigns as proposals arrive. Showing a campaign again therefore shows its current
-- members hidden 'via campaign', whichever campaign number they were hidden under.
-- Acts as `actor`: a token's (kenes.moderate_campaign) or a single sign-on person's
-- (kenes.staff_sso_moderate_campaign). Only for those SECURITY DEFINER functions: no grant.
CREATE OR REPLACE FUNCTION kenes.moderate_campaign_as(actor kenes.moderation_actor_t, p_action text, p_campaign bigint,
                                                  p_reason text)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refusal kenes.outcome;
    ids bigint[];
    v_log bigint;
    members integer;
    hidden integer;
BEGIN
    refusal := kenes.moderation_refusal(actor);
    IF refusal.status IS NOT NULL THEN RETURN refusal; END IF;
    IF p_action NOT IN ('hide', 'unhide') THEN
        RAISE EXCEPTION 'unknown campaign action %', p_action;
    END IF;
    -- One moderation of a campaign at a time; its members locked in id order (no deadlock
    -- with a single action on one of them, which locks one row).
    PERFORM FROM kenes.campaign WHERE id = p_campaign FOR UPDATE;
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    IF p_action = 'hide' THEN
        ids := ARRAY(SELECT p.id FROM kenes.campaign_member m JOIN kenes.proposal p ON p.id = m.proposal_id
                     WHERE m.campaign_id = p_campaign AND p.status = 'published'
                     ORDER BY p.id FOR UPDATE OF p);
    ELSE
        ids := ARRAY(SELECT p.id FROM kenes.campaign_member m JOIN kenes.proposal p ON p.id = m.proposal_id
                     JOIN kenes.moderation_state s ON s.proposal_id = p.id AND s.via = 'campaign'
                     WHERE m.campaign_id = p_campaign AND p.status = 'hidden'
                     ORDER BY p.id FOR UPDATE OF p);
    END IF;
    IF cardinality(ids) > 0 THEN
        UPDATE kenes.proposal SET status = CASE WHEN p_action = 'hide' THEN 'hidden' ELSE 'published' END
        WHERE id = ANY (ids);
        -- The log is append-only: the whole entry, ids included, in one INSERT.
        INSERT INTO kenes.moderation_log (token_id, sso_subject, actor, role, action, campaign_id,
                                          affected, reason, proposal_ids)
        VALUES ((actor).token_id, (actor).sso_subject, (actor).name, (actor).role, 'campaign_' || p_action,
                p_campaign, cardinality(ids), p_reason, ids)
        RETURNING id INTO v_log;
        DELETE FROM kenes.moderation_state WHERE proposal_id = ANY (ids);
        IF p_action = 'hide' THEN
            INSERT INTO kenes.moderation_state (proposal_id, via, campaign_id, log_id)
            SELECT unnest(ids), 'campaign', p_campaign, v_log;
        END IF;
    END IF;
    SELECT count(*), count(*) FILTER (WHERE p.status = 'hidden') INTO members, hidden
    FROM kenes.campaign_member m JOIN kenes.proposal p ON p.id = m.proposal_id
    WHERE m.campaign_id = p_campaign;
    RETURN ROW(200, CASE WHEN v_log IS NULL THEN 'unchanged' ELSE 'changed' END,
               jsonb_build_object('campaign', p_campaign, 'action', p_action,
                                  'changed', v_log IS NOT NULL, 'affected', cardinality(ids),
                                  'members', members, 'hidden', hidden, 'log_id', v_log)::text,
               NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.moderate_campaign_as FROM PUBLIC;
