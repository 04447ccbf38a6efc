-- Change capture for the tallies: every inserted row of kenes.support queues its proposal
-- (kenes.tally_change), once per statement.
CREATE OR REPLACE TRIGGER tally_support_insert AFTER INSERT ON kenes.support
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_supports();
