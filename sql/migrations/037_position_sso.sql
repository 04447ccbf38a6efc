-- 037: positions under the single sign-on (docs/POSITIONS.md, docs/STAFF.md "Positions"). A
-- staff person signed in through the SSO has no token, so the positions' log names either the
-- token that acted (the API's, or the one that opened a workspace session) or the SSO subject
-- (as the trusted FastCGI parameter carried it): exactly one of the two, as migration 034 did
-- for the moderation log. Every row written before names a token, so it satisfies the check.
ALTER TABLE kenes.position_log ALTER COLUMN token_id DROP NOT NULL;
ALTER TABLE kenes.position_log
    ADD COLUMN sso_subject text CHECK (char_length(sso_subject) BETWEEN 1 AND 1000);
ALTER TABLE kenes.position_log
    ADD CONSTRAINT position_log_one_actor CHECK ((token_id IS NULL) <> (sso_subject IS NULL));
