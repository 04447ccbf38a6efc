-- Change capture for the tallies (sql/migrations/010_tallies.sql explains the queue): queues
-- the proposals a statement touched in kenes.tally_change, in the same transaction.
-- SECURITY DEFINER: the handler's role fires these through its writing functions and has
-- no privilege on the queue itself.
CREATE OR REPLACE FUNCTION kenes.tally_capture_old_proposals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT o.id FROM old_rows o;
    RETURN NULL;
END
$$;
