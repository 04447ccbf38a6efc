-- 004: the role the FastCGI handler runs as. It may read the structure, insert proposals and
-- read them back without their submitter pseudonym; it may not update or delete anything.
-- Roles are cluster-wide: created when this login may, otherwise left to the administrator
-- (see sql/roles.md), and then the grants are applied on the next migration run.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        IF (SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE kenes_handler NOLOGIN;
        ELSE
            RAISE WARNING 'role kenes_handler does not exist and % may not create it; the handler '
                          'will run with its login''s privileges', current_user;
            RETURN;
        END IF;
    END IF;
    GRANT USAGE ON SCHEMA kenes TO kenes_handler;
    GRANT SELECT ON kenes.consultation, kenes.draft_version, kenes.part, kenes.part_identity,
                    kenes.topic, kenes.region TO kenes_handler;
    GRANT SELECT (id, consultation_id, version_id, part_id, stance, text, proposed_wording, lang,
                  region, channel, status, created_at)
          ON kenes.proposal TO kenes_handler;
    GRANT INSERT (consultation_id, version_id, part_id, stance, text, proposed_wording, lang,
                  region, channel, submitter)
          ON kenes.proposal TO kenes_handler;
    GRANT SELECT, INSERT ON kenes.proposal_topic TO kenes_handler;
END
$$;
