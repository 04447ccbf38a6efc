-- Change capture for the tallies (sql/migrations/010_tallies.sql explains the queue): queues
-- the proposals a statement touched in kenes.tally_change, in the same transaction.
-- SECURITY DEFINER: the handler's role fires these through its writing functions and has
-- no privilege on the queue itself.
-- Rows of kenes.support, with the day each counts on.
-- changed_rows holds the statement's inserted rows (NEW TABLE) or its deleted ones (OLD TABLE).
CREATE OR REPLACE FUNCTION kenes.tally_capture_supports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id, support_at)
    SELECT r.proposal_id, r.created_at FROM changed_rows r;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.tally_capture_supports FROM PUBLIC;
