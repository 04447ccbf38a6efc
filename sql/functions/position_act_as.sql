-- Every change to positions, by `actor`, logged with who and why (docs/POSITIONS.md): a
-- token's (kenes.position_act, the API's; kenes.staff_position_act, a workspace session's)
-- or a single sign-on person's (kenes.staff_position_act too, migration 037). p_action, p_id:
--   create (NULL)        {consultation, version?, part, label, summary?}
--   edit (position)      {label?, summary?}
--   merge (position)     {into}: its proposals and campaigns go to position `into`
--   split (position)     {proposals|filter|campaign, label, summary?}: those of its members
--                        make a new position of the same part
--   assign (position)    {proposals|filter|campaign}: placed in it (leaving any other
--                        position of the part); a campaign's later members join it too
--   unassign (position)  {proposals|filter|campaign}: out of it
--   disposition (position) {decision, decision_reason?, target?}
--   suggestion_accept, suggestion_edit (suggestion) {label, summary?, proposals (edit)}:
--                        a new position of the suggestion's members, or of those listed
--   suggestion_reject (suggestion) {}
-- and "reason" (for the log) in every body. Returns 200 (201 for what makes a position) with
-- the position, 401/403 for the actor (staff only), 404 for an unknown id, 409 for a merged position,
-- 422 with the field as the body.
-- Only for those SECURITY DEFINER functions: no grant.
CREATE OR REPLACE FUNCTION kenes.position_act_as(actor kenes.moderation_actor_t, p_action text, p_id bigint,
                                                 p_body jsonb)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    reason text := nullif(btrim(p_body->>'reason'), '');
    p kenes.position;
    other kenes.position;
    s kenes.suggestion;
    pt kenes.part;
    labels text[];
    summaries text[];
    reasons text[];
    ids bigint[];
    n integer := 0;
    wanted integer;
    target integer;
    detail jsonb := '{}';
    new_id bigint;
BEGIN
    IF actor.token_id IS NULL AND actor.sso_subject IS NULL THEN
        RETURN ROW(401, 'invalid_token', NULL, NULL)::kenes.outcome;
    ELSIF actor.role <> 'staff' THEN
        RETURN ROW(403, 'forbidden', NULL, NULL)::kenes.outcome;
    ELSIF jsonb_typeof(p_body) IS DISTINCT FROM 'object' THEN
        RETURN ROW(422, 'invalid_body', 'body', NULL)::kenes.outcome;
    ELSIF reason IS NULL THEN
        RETURN ROW(422, 'reason_required', 'reason', NULL)::kenes.outcome;
    ELSIF char_length(reason) > 1000 THEN
        RETURN ROW(422, 'reason_too_long', 'reason', NULL)::kenes.outcome;
    END IF;

    IF p_action IN ('suggestion_accept', 'suggestion_edit', 'suggestion_reject') THEN
        SELECT * INTO s FROM kenes.suggestion WHERE id = p_id FOR UPDATE;
        IF NOT FOUND THEN
            RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
        ELSIF s.decision IS NOT NULL THEN
            RETURN ROW(409, 'suggestion_decided', NULL, NULL)::kenes.outcome;
        END IF;
        IF p_action = 'suggestion_reject' THEN
            UPDATE kenes.suggestion SET decision = 'rejected' WHERE id = s.id;
            PERFORM kenes.position_log_append(actor, p_action, NULL, s.id,
                jsonb_build_object('part_id', s.part_id, 'proposals', s.proposals), 0, reason);
            RETURN ROW(200, 'ok', jsonb_build_object('suggestion', s.id, 'decision', 'rejected')::text,
                       NULL)::kenes.outcome;
        END IF;
        SELECT * INTO pt FROM kenes.part WHERE id = s.part_id;
        p.consultation_id := s.consultation_id;
        p.version_id := pt.version_id;
        p.part_id := pt.id;
    ELSIF p_action = 'create' THEN
        SELECT pp.* INTO pt FROM kenes.part pp
        JOIN kenes.draft_version v ON v.id = pp.version_id
        JOIN kenes.consultation c ON c.id = v.consultation_id
        WHERE c.slug = p_body->>'consultation'
          AND CASE WHEN p_body ? 'version' THEN v.number::text = p_body->>'version' ELSE v.is_current END
          AND kenes.part_target(pp) = p_body->>'part';
        IF NOT FOUND THEN
            RETURN ROW(422, 'unknown_part', 'part', NULL)::kenes.outcome;
        END IF;
        p.version_id := pt.version_id;
        p.part_id := pt.id;
        SELECT v.consultation_id INTO p.consultation_id FROM kenes.draft_version v WHERE v.id = pt.version_id;
    ELSE
        SELECT * INTO p FROM kenes.position WHERE id = p_id FOR UPDATE;
        IF NOT FOUND THEN
            RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
        ELSIF p.merged_into IS NOT NULL THEN
            RETURN ROW(409, 'position_merged', p.merged_into::text, NULL)::kenes.outcome;
        END IF;
    END IF;

    -- Texts: a new position needs a label; an edit keeps what it does not name.
    IF p_action IN ('create', 'split', 'suggestion_accept', 'suggestion_edit', 'edit') THEN
        labels := kenes.position_texts(p_body->'label',
            CASE WHEN p_action = 'edit' THEN ARRAY[p.label_kk, p.label_ru, p.label_en] END, 200);
        summaries := kenes.position_texts(p_body->'summary',
            CASE WHEN p_action = 'edit' THEN ARRAY[p.summary_kk, p.summary_ru, p.summary_en] END, 4000);
        IF labels IS NULL OR num_nonnulls(VARIADIC labels) = 0 THEN
            RETURN ROW(422, 'label_required', 'label', NULL)::kenes.outcome;
        ELSIF summaries IS NULL THEN
            RETURN ROW(422, 'invalid_summary', 'summary', NULL)::kenes.outcome;
        END IF;
    END IF;

    IF p_action IN ('create', 'split', 'suggestion_accept', 'suggestion_edit') THEN
        INSERT INTO kenes.position (consultation_id, version_id, part_id, label_kk, label_ru, label_en,
                                    summary_kk, summary_ru, summary_en)
        VALUES (p.consultation_id, p.version_id, p.part_id, labels[1], labels[2], labels[3],
                summaries[1], summaries[2], summaries[3])
        RETURNING id INTO new_id;
    END IF;

    CASE p_action
    WHEN 'create' THEN
        detail := jsonb_build_object('label', p_body->'label');
    WHEN 'edit' THEN
        detail := jsonb_build_object('before', jsonb_build_object(
                      'label', jsonb_build_object('kk', p.label_kk, 'ru', p.label_ru, 'en', p.label_en),
                      'summary', jsonb_build_object('kk', p.summary_kk, 'ru', p.summary_ru, 'en', p.summary_en)));
        UPDATE kenes.position SET label_kk = labels[1], label_ru = labels[2], label_en = labels[3],
               summary_kk = summaries[1], summary_ru = summaries[2], summary_en = summaries[3],
               updated_at = now()
        WHERE id = p.id;
        new_id := p.id;
    WHEN 'merge' THEN
        SELECT * INTO other FROM kenes.position WHERE id = (p_body->>'into')::bigint FOR UPDATE;
        IF NOT FOUND OR jsonb_typeof(p_body->'into') <> 'number' OR other.id = p.id THEN
            RETURN ROW(422, 'unknown_position', 'into', NULL)::kenes.outcome;
        ELSIF other.part_id <> p.part_id OR other.merged_into IS NOT NULL THEN
            RETURN ROW(422, 'not_mergeable', 'into', NULL)::kenes.outcome;
        END IF;
        SELECT count(*) INTO n FROM kenes.position_placement WHERE part_id = p.part_id AND position_id = p.id;
        UPDATE kenes.position_member SET position_id = other.id WHERE position_id = p.id;
        UPDATE kenes.position_campaign SET position_id = other.id WHERE position_id = p.id;
        UPDATE kenes.position SET merged_into = other.id, updated_at = now() WHERE id = p.id;
        UPDATE kenes.position SET updated_at = now() WHERE id = other.id;
        detail := jsonb_build_object('from', p.id, 'into', other.id);
        new_id := other.id;
        PERFORM kenes.position_log_append(actor, p_action, p.id, NULL, detail, n, reason);
    WHEN 'split', 'assign', 'unassign', 'suggestion_accept', 'suggestion_edit' THEN
        IF p_action IN ('suggestion_accept') THEN
            ids := ARRAY(SELECT m.proposal_id FROM kenes.suggestion_member m WHERE m.suggestion_id = s.id);
        ELSIF p_action = 'suggestion_edit' AND jsonb_typeof(p_body->'proposals') <> 'array' THEN
            RETURN ROW(422, 'proposals_required', 'proposals', NULL)::kenes.outcome;
        ELSIF num_nonnulls(p_body->'proposals', p_body->'filter', p_body->'campaign') <> 1 THEN
            RETURN ROW(422, 'selection_required', 'proposals', NULL)::kenes.outcome;
        ELSE
            ids := ARRAY(SELECT x.proposal_id FROM kenes.position_selection(p, p_body) x);
            wanted := CASE WHEN jsonb_typeof(p_body->'proposals') = 'array'
                           THEN (SELECT count(DISTINCT e) FROM jsonb_array_elements(p_body->'proposals') e) END;
            IF wanted IS NOT NULL AND wanted <> cardinality(ids) THEN
                RETURN ROW(422, 'unknown_proposal', 'proposals', NULL)::kenes.outcome;
            ELSIF jsonb_typeof(p_body->'campaign') IS NOT NULL AND cardinality(ids) = 0 THEN
                RETURN ROW(422, 'unknown_campaign', 'campaign', NULL)::kenes.outcome;
            END IF;
        END IF;
        IF p_action IN ('split', 'unassign') THEN
            -- only the position's own members
            ids := ARRAY(SELECT pl.proposal_id FROM kenes.position_placement pl
                         WHERE pl.part_id = p.part_id AND pl.position_id = p.id AND pl.proposal_id = ANY (ids));
        END IF;
        IF p_action = 'assign' AND jsonb_typeof(p_body->'campaign') = 'number' THEN
            -- One placement per campaign and part; the members a person kept out come back.
            DELETE FROM kenes.position_campaign pc USING kenes.campaign_member cm
            WHERE pc.part_id = p.part_id AND cm.proposal_id = pc.anchor_id
              AND cm.campaign_id = (p_body->>'campaign')::bigint;
            SELECT count(*) INTO n FROM unnest(ids) i
            WHERE NOT EXISTS (SELECT FROM kenes.position_placement pl
                              WHERE pl.part_id = p.part_id AND pl.proposal_id = i AND pl.position_id = p.id);
            DELETE FROM kenes.position_member m
            WHERE m.part_id = p.part_id AND m.proposal_id = ANY (ids)
              AND (m.position_id IS NULL OR m.position_id = p.id);
            INSERT INTO kenes.position_campaign (part_id, anchor_id, position_id)
            VALUES (p.part_id, (SELECT min(i) FROM unnest(ids) i), p.id);
            -- members a person placed elsewhere stay there
            n := n - (SELECT count(*) FROM kenes.position_member m
                      WHERE m.part_id = p.part_id AND m.proposal_id = ANY (ids) AND m.position_id <> p.id);
            detail := jsonb_build_object('campaign', (p_body->>'campaign')::bigint);
        ELSIF p_action = 'unassign' AND jsonb_typeof(p_body->'campaign') = 'number' THEN
            DELETE FROM kenes.position_campaign pc USING kenes.campaign_member cm
            WHERE pc.position_id = p.id AND cm.proposal_id = pc.anchor_id
              AND cm.campaign_id = (p_body->>'campaign')::bigint;
            DELETE FROM kenes.position_member m WHERE m.position_id = p.id AND m.proposal_id = ANY (ids);
            n := cardinality(ids);
            detail := jsonb_build_object('campaign', (p_body->>'campaign')::bigint);
        ELSE
            n := kenes.position_place(p.part_id,
                                      CASE p_action WHEN 'unassign' THEN NULL
                                                    WHEN 'assign' THEN p.id ELSE new_id END, ids);
            detail := jsonb_build_object('proposals', to_jsonb(ids[1:1000]), 'count', cardinality(ids));
        END IF;
        IF p_action = 'split' THEN
            detail := detail || jsonb_build_object('from', p.id, 'into', new_id);
            PERFORM kenes.position_log_append(actor, p_action, p.id, NULL, detail, n, reason);
        ELSIF p_action IN ('suggestion_accept', 'suggestion_edit') THEN
            UPDATE kenes.suggestion SET decision = CASE p_action WHEN 'suggestion_edit' THEN 'edited' ELSE 'accepted' END,
                   position_id = new_id
            WHERE id = s.id;
        END IF;
        new_id := coalesce(new_id, p.id);
    WHEN 'disposition' THEN
        IF p_body->>'decision' IS NULL
           OR p_body->>'decision' NOT IN ('accepted', 'partly', 'not_accepted', 'outside_scope') THEN
            RETURN ROW(422, 'invalid_decision', 'decision', NULL)::kenes.outcome;
        END IF;
        reasons := kenes.position_texts(p_body->'decision_reason', NULL, 4000);
        IF reasons IS NULL THEN
            RETURN ROW(422, 'invalid_decision_reason', 'decision_reason', NULL)::kenes.outcome;
        END IF;
        -- The target: a part of the version that replaced this one; by default the part the
        -- draft mapping sent this part to, when it sent it to exactly one.
        IF jsonb_typeof(p_body->'target') = 'string' THEN
            SELECT np.id INTO target FROM kenes.part np
            JOIN kenes.draft_version nv ON nv.id = np.version_id
            WHERE nv.replaces_id = p.version_id AND kenes.part_target(np) = p_body->>'target';
            IF target IS NULL THEN
                RETURN ROW(422, 'unknown_target', 'target', NULL)::kenes.outcome;
            END IF;
        ELSIF NOT p_body ? 'target' THEN
            SELECT min(m.to_part_id) INTO target FROM kenes.part_mapping m
            JOIN kenes.draft_version nv ON nv.id = m.version_id AND nv.replaces_id = p.version_id
            WHERE m.from_part_id = p.part_id AND m.to_part_id IS NOT NULL
            HAVING count(DISTINCT m.to_part_id) = 1;
        END IF;
        IF p_body->>'decision' NOT IN ('accepted', 'partly') THEN
            IF jsonb_typeof(p_body->'target') = 'string' THEN
                RETURN ROW(422, 'target_not_allowed', 'target', NULL)::kenes.outcome;
            END IF;
            target := NULL;
        END IF;
        detail := jsonb_build_object('before', jsonb_build_object('decision', p.decision,
                                                                   'target_part_id', p.target_part_id),
                                     'decision', p_body->>'decision', 'target_part_id', target);
        UPDATE kenes.position SET decision = p_body->>'decision', reason_kk = reasons[1],
               reason_ru = reasons[2], reason_en = reasons[3], target_part_id = target, updated_at = now()
        WHERE id = p.id;
        new_id := p.id;
    ELSE
        RAISE EXCEPTION 'unknown position action %', p_action;
    END CASE;

    IF p_action NOT IN ('merge', 'split') THEN
        PERFORM kenes.position_log_append(actor, p_action, new_id,
                                          CASE WHEN p_action LIKE 'suggestion_%' THEN s.id END, detail, n, reason);
    END IF;
    RETURN ROW(CASE WHEN p_action IN ('create', 'split', 'suggestion_accept', 'suggestion_edit') THEN 201 ELSE 200 END,
               'ok', (kenes.position_json(new_id) || jsonb_build_object('affected', n))::text, NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.position_act_as FROM PUBLIC;
