-- 034: moderation under the single sign-on (docs/STAFF.md, "Moderation"). A moderator signed
-- in through the SSO has no token, so the moderation log names either the token that acted or
-- the SSO subject (as the trusted FastCGI parameter carried it): exactly one of the two. Every
-- row written before names a token, so it satisfies the check as it is.
ALTER TABLE kenes.moderation_log ALTER COLUMN token_id DROP NOT NULL;
ALTER TABLE kenes.moderation_log
    ADD COLUMN sso_subject text CHECK (char_length(sso_subject) BETWEEN 1 AND 1000);
ALTER TABLE kenes.moderation_log
    ADD CONSTRAINT moderation_log_one_actor CHECK ((token_id IS NULL) <> (sso_subject IS NULL));

-- Who acts: a token (token_id, its name and role) or an SSO person (sso_subject, the subject
-- as name, the SSO's role); sql/functions/moderation_actor.sql, staff_sso_moderate_*.sql.
ALTER TYPE kenes.moderation_actor_t ADD ATTRIBUTE sso_subject text;
