-- Change capture for the tallies: every deleted row of kenes.proposal queues its proposal.
CREATE OR REPLACE TRIGGER tally_proposal_delete AFTER DELETE ON kenes.proposal
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_old_proposals();
