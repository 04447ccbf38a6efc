-- The staff sign-in audit is append-only (kenes.append_only): no UPDATE or DELETE, whoever asks.
CREATE OR REPLACE TRIGGER staff_audit_append_only BEFORE UPDATE OR DELETE ON kenes.staff_audit
    FOR EACH ROW EXECUTE FUNCTION kenes.append_only();
