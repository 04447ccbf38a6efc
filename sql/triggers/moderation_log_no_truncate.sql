-- Nor TRUNCATE (kenes.append_only).
CREATE OR REPLACE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE ON kenes.moderation_log
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.append_only();
