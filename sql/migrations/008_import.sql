-- 008: proposals imported from other channels (bin/kenes-import, docs/IMPORT.md).
--
-- An imported proposal has channel 'import', the source it came from (an e-Otinish or eGov
-- export, a letter typed by staff) and that source's own id for it. The unique index on
-- (consultation, source, source id) is what makes re-importing a file store nothing twice,
-- whoever imports it and however often.
--
-- Written so that it applies both before and after migrations 010-013: it uses only what
-- 001-006 created.

CREATE TABLE kenes.import_source (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name_kk  text NOT NULL,
    name_ru  text NOT NULL,
    name_en  text NOT NULL,
    ordinal  integer NOT NULL
);
INSERT INTO kenes.import_source (code, name_kk, name_ru, name_en, ordinal) VALUES
    ('e-otinish', 'e-Өтініш', 'e-Өтініш', 'e-Otinish', 1),
    ('egov', 'eGov', 'eGov', 'eGov', 2),
    ('letter', 'Хат', 'Письмо', 'Letter', 3);

ALTER TABLE kenes.proposal
    ADD COLUMN source text REFERENCES kenes.import_source,
    ADD COLUMN source_id text CHECK (octet_length(source_id) BETWEEN 1 AND 200),
    ADD CONSTRAINT proposal_source_import
        CHECK ((source IS NULL) = (source_id IS NULL) AND (source IS NULL OR channel = 'import'));

CREATE UNIQUE INDEX proposal_source_unique ON kenes.proposal (consultation_id, source, source_id)
    WHERE source IS NOT NULL;

-- The role kenes-import runs as: it reads the structure (to validate as the API does),
-- inserts proposals and their topics, and reads back only what identifies an imported row.
-- It never reads texts or pseudonyms, and updates or deletes nothing. The tally triggers of
-- migration 010 are SECURITY DEFINER and need no grant. Staging happens in a temporary
-- table (the TEMPORARY privilege, which PUBLIC has on a database by default).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_importer') THEN
        IF (SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE kenes_importer NOLOGIN;
        ELSE
            RAISE WARNING 'role kenes_importer does not exist and % may not create it', current_user;
            RETURN;
        END IF;
    END IF;
    GRANT USAGE ON SCHEMA kenes TO kenes_importer;
    GRANT SELECT ON kenes.consultation, kenes.draft_version, kenes.part, kenes.part_identity,
                    kenes.topic, kenes.region, kenes.import_source TO kenes_importer;
    GRANT INSERT (consultation_id, version_id, part_id, stance, text, proposed_wording, lang,
                  region, channel, submitter, created_at, source, source_id)
          ON kenes.proposal TO kenes_importer;
    GRANT SELECT (id, consultation_id, source, source_id) ON kenes.proposal TO kenes_importer;
    GRANT INSERT ON kenes.proposal_topic TO kenes_importer;
END
$$;
