-- Records a Commission session from the staff workspace (/staff/reports) for the session
-- stored under p_session (the SHA-256 of its cookie), as `kenes-aggregator session add` does
-- (the table's constraints and trigger decide), and appends 'session_add' to
-- kenes.staff_audit with what was recorded. 201 'created'; 401 'invalid_session' when the
-- session is not open or its token revoked; 409 'session_exists' for a number or date already
-- used; 422 'out_of_order' when numbers and dates would not go up together, 'invalid_title'
-- for a title not of 1 to 300 characters.
CREATE OR REPLACE FUNCTION kenes.staff_session_add(p_session bytea, p_consultation integer, p_number integer,
                                                   p_held_on date, p_title text, p_address text)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s kenes.staff_session := kenes.staff_live_session(p_session);
BEGIN
    IF s.id IS NULL THEN
        RETURN ROW(401, 'invalid_session', NULL, NULL)::kenes.outcome;
    END IF;
    IF char_length(coalesce(p_title, '')) NOT BETWEEN 1 AND 300 THEN
        RETURN ROW(422, 'invalid_title', NULL, NULL)::kenes.outcome;
    END IF;
    BEGIN
        INSERT INTO kenes.commission_session (consultation_id, number, held_on, title)
        VALUES (p_consultation, p_number, p_held_on, p_title);
    EXCEPTION
        WHEN unique_violation THEN
            RETURN ROW(409, 'session_exists', NULL, NULL)::kenes.outcome;
        WHEN check_violation THEN
            RETURN ROW(422, 'out_of_order', NULL, NULL)::kenes.outcome;
    END;
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, address, detail)
    VALUES ('session_add', s.id, s.token_id, s.role, p_address,
            jsonb_build_object('consultation', p_consultation, 'session', p_number,
                               'date', p_held_on, 'title', p_title));
    RETURN ROW(201, 'created', NULL, NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_session_add FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_session_add', 'kenes_handler'); END $$;
