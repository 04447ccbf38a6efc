-- Session numbers and dates go up together (kenes.commission_session_order).
CREATE OR REPLACE TRIGGER commission_session_order BEFORE INSERT OR UPDATE ON kenes.commission_session
    FOR EACH ROW EXECUTE FUNCTION kenes.commission_session_order();
