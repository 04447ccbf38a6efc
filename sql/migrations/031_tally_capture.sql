-- The change capture of the tallies: one trigger function per table, serving its INSERT and
-- its DELETE trigger alike (both name their transition table changed_rows), where there were
-- two of the same body (tally_capture_new_* and tally_capture_old_*). The bodies that run
-- are sql/functions/tally_capture_{proposals,supports,topics}.sql and the triggers
-- sql/triggers/tally_*_{insert,delete}.sql, applied again after this migration; they are
-- created here first so that no statement in between goes uncaptured.
CREATE OR REPLACE FUNCTION kenes.tally_capture_proposals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT r.id FROM changed_rows r;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION kenes.tally_capture_supports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id, support_at)
    SELECT r.proposal_id, r.created_at FROM changed_rows r;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION kenes.tally_capture_topics() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT DISTINCT r.proposal_id FROM changed_rows r;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.tally_capture_proposals, kenes.tally_capture_supports,
    kenes.tally_capture_topics FROM PUBLIC;

CREATE OR REPLACE TRIGGER tally_proposal_insert AFTER INSERT ON kenes.proposal
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_proposals();
CREATE OR REPLACE TRIGGER tally_proposal_delete AFTER DELETE ON kenes.proposal
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_proposals();
CREATE OR REPLACE TRIGGER tally_support_insert AFTER INSERT ON kenes.support
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_supports();
CREATE OR REPLACE TRIGGER tally_support_delete AFTER DELETE ON kenes.support
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_supports();
CREATE OR REPLACE TRIGGER tally_topic_insert AFTER INSERT ON kenes.proposal_topic
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_topics();
CREATE OR REPLACE TRIGGER tally_topic_delete AFTER DELETE ON kenes.proposal_topic
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_topics();

DROP FUNCTION kenes.tally_capture_new_proposals(), kenes.tally_capture_old_proposals(),
    kenes.tally_capture_new_supports(), kenes.tally_capture_old_supports(),
    kenes.tally_capture_new_topics(), kenes.tally_capture_old_topics();
