-- Numbers and dates go up together, so that "the previous session" is well defined.
CREATE OR REPLACE FUNCTION kenes.commission_session_order() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM kenes.commission_session s
               WHERE s.consultation_id = NEW.consultation_id AND s.number <> NEW.number
                 AND (s.number < NEW.number) <> (s.held_on < NEW.held_on)) THEN
        RAISE EXCEPTION 'session % on % is out of order with the sessions already recorded',
                        NEW.number, NEW.held_on
              USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
