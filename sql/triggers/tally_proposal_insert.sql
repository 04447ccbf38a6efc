-- Change capture for the tallies: every inserted row of kenes.proposal queues its proposal
-- (kenes.tally_change), once per statement.
CREATE OR REPLACE TRIGGER tally_proposal_insert AFTER INSERT ON kenes.proposal
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_proposals();
