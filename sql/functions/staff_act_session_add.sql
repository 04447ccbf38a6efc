-- Records a Commission session from the staff workspace (/staff/reports) for `actor` (a token
-- session's, kenes.staff_session_add, or an SSO person's, kenes.staff_sso_session_add), as
-- `kenes-aggregator session add` does (the table's constraints and trigger decide), and
-- appends 'session_add' to kenes.staff_audit with what was recorded. 201 'created'; 401
-- 'invalid_session' or 403 'forbidden' for the actor (staff only); 409 'session_exists' for a
-- number or date already used; 422 'out_of_order' when numbers and dates would not go up
-- together, 'invalid_title' for a title not of 1 to 300 characters. Only for those SECURITY
-- DEFINER functions: no grant.
CREATE OR REPLACE FUNCTION kenes.staff_act_session_add(actor kenes.staff_actor_t, p_consultation integer,
                                                       p_number integer, p_held_on date, p_title text,
                                                       p_address text)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refusal kenes.outcome := kenes.staff_actor_refusal(actor, 'staff');
BEGIN
    IF refusal.status IS NOT NULL THEN
        RETURN refusal;
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
    PERFORM kenes.staff_audit_append(actor, 'session_add', p_address,
                                     jsonb_build_object('consultation', p_consultation, 'session', p_number,
                                                        'date', p_held_on, 'title', p_title));
    RETURN ROW(201, 'created', NULL, NULL)::kenes.outcome;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_act_session_add FROM PUBLIC;
