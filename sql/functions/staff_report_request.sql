-- Asks for the report of Commission session p_number to be issued, for the staff workspace
-- session stored under p_session (the SHA-256 of its cookie): a row of kenes.report_request,
-- which the next `kenes-aggregator refresh` issues through the path of `report --session N`,
-- and 'report_issue' in kenes.staff_audit. The report can be issued once the session's day
-- has come (its period ends the day before), in the tallies' time zone. 202 'requested' (or
-- 'already_requested', logged once); 401 'invalid_session'; 404 'no_session'; 409 'issued'
-- when it was issued already; 422 'not_over' before the session's day.
CREATE OR REPLACE FUNCTION kenes.staff_report_request(p_session bytea, p_consultation integer, p_number integer,
                                                      p_address text)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s kenes.staff_session := kenes.staff_live_session(p_session);
    v_held date;
BEGIN
    IF s.id IS NULL THEN
        RETURN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome;
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
    INSERT INTO kenes.report_request (consultation_id, session_number, token_id)
    VALUES (p_consultation, p_number, s.token_id)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN ROW(202, 'already_requested', NULL, NULL)::kenes.outcome;
    END IF;
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, address, detail)
    VALUES ('report_issue', s.id, s.token_id, s.role, p_address,
            jsonb_build_object('consultation', p_consultation, 'session', p_number));
    RETURN ROW(202, 'requested', NULL, NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_report_request FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_report_request', 'kenes_handler'); END $$;
