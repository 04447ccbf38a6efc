-- Change capture for the tallies: every deleted row of kenes.support queues its proposal.
CREATE OR REPLACE TRIGGER tally_support_delete AFTER DELETE ON kenes.support
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_supports();
