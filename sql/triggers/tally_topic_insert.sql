-- Change capture for the tallies: every inserted row of kenes.proposal_topic queues its proposal
-- (kenes.tally_change), once per statement.
CREATE OR REPLACE TRIGGER tally_topic_insert AFTER INSERT ON kenes.proposal_topic
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_topics();
