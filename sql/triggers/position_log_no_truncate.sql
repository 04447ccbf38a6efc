-- Nor TRUNCATE.
CREATE OR REPLACE TRIGGER position_log_no_truncate BEFORE TRUNCATE ON kenes.position_log
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.append_only();
