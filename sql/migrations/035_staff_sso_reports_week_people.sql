-- 035: the reports' actions under the single sign-on (docs/STAFF.md, "Reports"), and an index
-- for the people per week of a part's page (at the end). Adding a Commission session and
-- asking for a session's report were logged under the token of a workspace session only; a
-- person signed in through the SSO has none. As for the moderation log (migration 034), the
-- staff audit log and the report requests now name either the session's token or the SSO
-- subject (as the trusted FastCGI parameter carried it): exactly one of the two. Every row
-- written before names a session and a token.

-- Who acts in the workspace: a token session (session_id, token_id and the token's role) or
-- an SSO person (sso_subject, the SSO's role). sql/functions/staff_actor_*.sql.
CREATE TYPE kenes.staff_actor_t AS (session_id bigint, token_id integer, role text, sso_subject text);

ALTER TABLE kenes.staff_audit
    ADD COLUMN sso_subject text CHECK (char_length(sso_subject) BETWEEN 1 AND 1000);
-- A failed sign-in has no actor; anything else a session or an SSO subject, not both.
ALTER TABLE kenes.staff_audit DROP CONSTRAINT staff_audit_check;
ALTER TABLE kenes.staff_audit ADD CONSTRAINT staff_audit_one_actor CHECK (
    CASE WHEN event = 'sign_in_failed' THEN session_id IS NULL AND sso_subject IS NULL
         ELSE (session_id IS NULL) <> (sso_subject IS NULL) END);

ALTER TABLE kenes.report_request ALTER COLUMN token_id DROP NOT NULL;
ALTER TABLE kenes.report_request
    ADD COLUMN sso_subject text CHECK (char_length(sso_subject) BETWEEN 1 AND 1000);
ALTER TABLE kenes.report_request
    ADD CONSTRAINT report_request_one_actor CHECK ((token_id IS NULL) <> (sso_subject IS NULL));

-- Its result gains sso_subject (sql/functions/staff_audit_list.sql makes it again; on an
-- empty database the functions come after the migrations).
DROP FUNCTION IF EXISTS kenes.staff_audit_list(date, date, bigint, integer);
-- Replaced by kenes.staff_actor_session (sql/functions/staff_actor_session.sql).
DROP FUNCTION IF EXISTS kenes.staff_live_session(bytea);

-- People per week on a part's page (kenes.tally_part_weekly_people): one part's rows of the
-- per-proposal state, by day, without reading every part's.
CREATE INDEX tally_applied_part ON kenes.tally_applied (part_id, day);
