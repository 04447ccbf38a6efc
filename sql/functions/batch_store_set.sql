-- Stores a batch of jobs with the set-based function for p_what ('proposal':
-- kenes.proposal_store_set, 'support': kenes.support_store_set); an error stays an error
-- (kenes.batch_store catches it).
CREATE OR REPLACE FUNCTION kenes.batch_store_set(p_what text, jobs jsonb)
RETURNS kenes.batch_outcome[]
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_what = 'proposal' THEN
        RETURN ARRAY(SELECT r FROM kenes.proposal_store_set(jobs) r);
    ELSIF p_what = 'support' THEN
        RETURN ARRAY(SELECT r FROM kenes.support_store_set(jobs) r);
    END IF;
    RAISE EXCEPTION 'unknown batch kind %', p_what;
END
$$;
