-- Change capture for the tallies: a topic row moved queues both proposals.
CREATE OR REPLACE TRIGGER tally_topic_update AFTER UPDATE ON kenes.proposal_topic
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION kenes.tally_capture_topic_update();
