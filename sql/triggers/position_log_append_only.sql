-- The positions' log is append-only (kenes.append_only): no UPDATE or DELETE, whoever asks.
CREATE OR REPLACE TRIGGER position_log_append_only BEFORE UPDATE OR DELETE ON kenes.position_log
    FOR EACH ROW EXECUTE FUNCTION kenes.append_only();
