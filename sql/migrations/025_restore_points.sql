-- 025: a named restore point at each issued report, for point-in-time recovery.
--
-- `kenes-aggregator` calls kenes.report_restore_point() just after committing a refresh or a
-- report that issued one or more reports. The point is named after the newest issued report,
-- kenes-report-<id>, so that an operator who must undo a mistake made after a report (a
-- mass-hide, a wrong import) restores to it by name (docs/OPERATIONS.md: "Point in time"):
--     pgbackrest --stanza=kenes --type=name --target=kenes-report-42 restore
-- The database then holds everything committed up to that report, and the report itself.
--
-- pg_create_restore_point is for superusers unless granted; SECURITY DEFINER lets the
-- aggregator's role call it through this one function only. When the owner (the login that
-- runs the migrations) is neither a superuser nor granted EXECUTE on pg_create_restore_point,
-- the call fails at run time and the aggregator logs a warning: the report stays issued, and
-- a restore by time (--type=time) still works.
CREATE FUNCTION kenes.report_restore_point() RETURNS TABLE (name text, lsn pg_lsn)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.name, pg_catalog.pg_create_restore_point(r.name)
    FROM (SELECT 'kenes-report-' || max(id) AS name FROM kenes.report HAVING count(*) > 0) r
$$;
REVOKE ALL ON FUNCTION kenes.report_restore_point() FROM PUBLIC;

DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)
       AND NOT pg_catalog.has_function_privilege('pg_catalog.pg_create_restore_point(text)', 'EXECUTE') THEN
        RAISE WARNING '% may not call pg_create_restore_point: issued reports will have no named restore point',
                      current_user
            USING HINT = 'as a superuser: GRANT EXECUTE ON FUNCTION pg_create_restore_point(text) TO ' || current_user;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT EXECUTE ON FUNCTION kenes.report_restore_point() TO kenes_aggregator;
    END IF;
END
$$;
