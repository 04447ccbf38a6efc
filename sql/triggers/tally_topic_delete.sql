-- Change capture for the tallies: every deleted row of kenes.proposal_topic queues its proposal.
CREATE OR REPLACE TRIGGER tally_topic_delete AFTER DELETE ON kenes.proposal_topic
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_topics();
