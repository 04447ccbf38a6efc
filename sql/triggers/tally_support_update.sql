-- Change capture for the tallies: a support moved (proposal or time) queues both days.
CREATE OR REPLACE TRIGGER tally_support_update
    AFTER UPDATE OF proposal_id, created_at ON kenes.support
    FOR EACH ROW WHEN ((OLD.proposal_id, OLD.created_at) IS DISTINCT FROM (NEW.proposal_id, NEW.created_at))
    EXECUTE FUNCTION kenes.tally_capture_support_update();
