-- Queues a proposal for recounting when a column a tally depends on changes (hidden, shown
-- again, edited); support_count changes (one per support) do not fire it.
CREATE OR REPLACE TRIGGER tally_proposal_update
    AFTER UPDATE OF consultation_id, part_id, stance, region, channel, status, submitter, created_at
    ON kenes.proposal FOR EACH ROW
    WHEN (OLD.consultation_id IS DISTINCT FROM NEW.consultation_id
          OR OLD.part_id IS DISTINCT FROM NEW.part_id
          OR OLD.stance IS DISTINCT FROM NEW.stance
          OR OLD.region IS DISTINCT FROM NEW.region
          OR OLD.channel IS DISTINCT FROM NEW.channel
          OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.submitter IS DISTINCT FROM NEW.submitter
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION kenes.tally_capture_proposal_update();
