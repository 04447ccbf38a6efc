-- 009: kenes-import's direct path. A chunk none of whose rows is stored yet is COPYed
-- straight into kenes.proposal and kenes.proposal_topic, with ids the importer draws from
-- the proposals' identity sequence beforehand (so topics need no lookup), instead of going
-- through its staging table: as fast as a plain COPY. The staging path stays for chunks the
-- direct path cannot take (a concurrent import of the same rows, a row the database
-- refuses). See docs/IMPORT.md.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_importer') THEN
        GRANT USAGE ON SEQUENCE kenes.proposal_id_seq TO kenes_importer;
        GRANT INSERT (id) ON kenes.proposal TO kenes_importer;
    END IF;
END
$$;
