-- Change capture for the tallies: every deleted row of kenes.proposal queues its proposal.
CREATE OR REPLACE TRIGGER tally_proposal_delete AFTER DELETE ON kenes.proposal
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_proposals();
