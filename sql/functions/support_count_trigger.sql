-- The support count shown with each proposal, kept by trigger so that lists sorted by
-- support need no aggregate. The function runs as its owner: the handler may not update.
CREATE OR REPLACE FUNCTION kenes.support_count_trigger() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE kenes.proposal SET support_count = support_count + 1 WHERE id = NEW.proposal_id;
    ELSE
        UPDATE kenes.proposal SET support_count = support_count - 1 WHERE id = OLD.proposal_id;
    END IF;
    RETURN NULL;
END
$$;
