-- 032: the reports pages of the staff workspace (docs/STAFF.md, /staff/reports). Staff add a
-- Commission session and ask for its report to be issued from the browser; both go to
-- kenes.staff_audit with what was done (detail). The report itself is rendered by the
-- aggregator, not the handler: an issue request waits in kenes.report_request until the next
-- `kenes-aggregator refresh` issues it through the same path as `report --session N`
-- (aggregator/report.c). A request is done when the session's report exists.

ALTER TABLE kenes.staff_audit DROP CONSTRAINT staff_audit_event_check;
ALTER TABLE kenes.staff_audit ADD CONSTRAINT staff_audit_event_check
    CHECK (event IN ('sign_in', 'sign_in_failed', 'sign_out', 'session_add', 'report_issue'));
ALTER TABLE kenes.staff_audit ADD COLUMN detail jsonb;  -- session_add, report_issue: what

CREATE TABLE kenes.report_request (
    consultation_id  integer NOT NULL,
    session_number   integer NOT NULL,
    requested_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    token_id         integer NOT NULL REFERENCES kenes.staff_token,
    PRIMARY KEY (consultation_id, session_number),
    FOREIGN KEY (consultation_id, session_number) REFERENCES kenes.commission_session
);

REVOKE ALL ON kenes.report_request FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT SELECT ON kenes.report_request TO kenes_handler;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT ON kenes.report_request TO kenes_aggregator;
    END IF;
END
$$;
