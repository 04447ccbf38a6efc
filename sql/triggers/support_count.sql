-- Keeps kenes.proposal.support_count (kenes.support_count_trigger): lists sorted by support
-- need no aggregate.
CREATE OR REPLACE TRIGGER support_count AFTER INSERT OR DELETE ON kenes.support
    FOR EACH ROW EXECUTE FUNCTION kenes.support_count_trigger();
