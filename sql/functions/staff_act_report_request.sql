-- Asks for the report of Commission session p_number to be issued, for `actor` (a token
-- session's, kenes.staff_report_request, or an SSO person's, kenes.staff_sso_report_request):
-- a row of kenes.report_request, which the next `kenes-aggregator refresh` issues through the
-- path of `report --session N`, and 'report_issue' in kenes.staff_audit. The report can be
-- issued once the session's day has come (its period ends the day before), in the tallies'
-- time zone. 202 'requested' (or 'already_requested', logged once); 401 'invalid_session' or
-- 403 'forbidden' for the actor (staff only); 404 'no_session'; 409 'issued' when it was
-- issued already; 422 'not_over' before the session's day. Only for those SECURITY DEFINER
-- functions: no grant.
CREATE OR REPLACE FUNCTION kenes.staff_act_report_request(actor kenes.staff_actor_t, p_consultation integer,
                                                          p_number integer, p_address text)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refusal kenes.outcome := kenes.staff_actor_refusal(actor, 'staff');
    v_held date;
BEGIN
    IF refusal.status IS NOT NULL THEN
        RETURN refusal;
    END IF;
    SELECT c.held_on INTO v_held FROM kenes.commission_session c
    WHERE c.consultation_id = p_consultation AND c.number = p_number
    FOR KEY SHARE;
    IF NOT FOUND THEN
        RETURN ROW(404, 'no_session', NULL, NULL)::kenes.outcome;
    END IF;
    IF EXISTS (SELECT FROM kenes.report r WHERE r.consultation_id = p_consultation AND r.kind = 'session'
                                          AND r.session_number = p_number) THEN
        RETURN ROW(409, 'issued', NULL, NULL)::kenes.outcome;
    END IF;
    IF v_held > (SELECT (now() AT TIME ZONE coalesce(max(t.time_zone), 'UTC'))::date
                 FROM kenes.tally_state t) THEN
        RETURN ROW(422, 'not_over', NULL, NULL)::kenes.outcome;
    END IF;
    INSERT INTO kenes.report_request (consultation_id, session_number, token_id, sso_subject)
    VALUES (p_consultation, p_number, actor.token_id, actor.sso_subject)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN ROW(202, 'already_requested', NULL, NULL)::kenes.outcome;
    END IF;
    PERFORM kenes.staff_audit_append(actor, 'report_issue', p_address,
                                     jsonb_build_object('consultation', p_consultation, 'session', p_number));
    RETURN ROW(202, 'requested', NULL, NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_act_report_request FROM PUBLIC;
