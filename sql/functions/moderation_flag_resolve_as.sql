-- Resolves an open flag: 'hide' hides the proposal (pinned, as a moderator's hide), 'keep'
-- leaves it. Logged as one 'flag_resolve' entry. A flag resolved already: 200, unchanged.
-- Acts as `actor`: a token's (kenes.moderation_resolve_flag, the API's) or a workspace
-- moderator's, by token session or single sign-on (kenes.staff_resolve_flag). 401/403 for the
-- actor. Only for those SECURITY DEFINER functions: no grant. Its name sorts before theirs,
-- so it exists when sql/migrate creates them (a SQL function's body is checked then).
CREATE OR REPLACE FUNCTION kenes.moderation_flag_resolve_as(actor kenes.moderation_actor_t, p_flag bigint,
                                                            p_decision text, p_reason text)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refusal kenes.outcome;
    f kenes.identity_flag;
    affected integer := 0;
    v_log bigint;
BEGIN
    refusal := kenes.moderation_refusal(actor);
    IF refusal.status IS NOT NULL THEN RETURN refusal; END IF;
    SELECT * INTO f FROM kenes.identity_flag WHERE id = p_flag FOR UPDATE;
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    IF f.resolved_at IS NULL THEN
        PERFORM FROM kenes.proposal WHERE id = f.proposal_id FOR UPDATE;
        IF p_decision = 'hide' THEN
            affected := kenes.moderation_set_status(f.proposal_id, 'hidden')::integer;
        END IF;
        v_log := kenes.moderation_append(actor, 'flag_resolve', f.proposal_id, NULL, NULL, f.id,
                                          p_decision, affected, p_reason);
        IF p_decision = 'hide' AND NOT EXISTS (SELECT FROM kenes.moderation_state s
                                               WHERE s.proposal_id = f.proposal_id
                                                 AND s.via IN ('proposal', 'duplicate')) THEN
            DELETE FROM kenes.moderation_state WHERE proposal_id = f.proposal_id;
            INSERT INTO kenes.moderation_state (proposal_id, via, log_id)
            VALUES (f.proposal_id, 'proposal', v_log);
        END IF;
        UPDATE kenes.identity_flag SET resolved_at = now(), decision = p_decision, log_id = v_log
        WHERE id = p_flag
        RETURNING * INTO f;
    END IF;
    RETURN ROW(200, CASE WHEN v_log IS NULL THEN 'unchanged' ELSE 'changed' END,
               (kenes.moderation_proposal_json(f.proposal_id)
                   || jsonb_build_object('flag', f.id, 'decision', f.decision,
                                         'resolved_at', f.resolved_at,
                                         'changed', v_log IS NOT NULL, 'log_id', v_log))::text,
               NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.moderation_flag_resolve_as FROM PUBLIC;
