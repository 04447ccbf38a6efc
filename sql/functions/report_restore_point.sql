-- kenes.report_restore_point(): a named restore point at the newest issued report,
-- kenes-report-<id>, for point-in-time recovery (docs/OPERATIONS.md, "Point in time").
-- kenes-aggregator calls it just after committing a refresh or a report that issued one or
-- more reports; migration 025 created it and granted it to kenes_aggregator only.
-- pg_create_restore_point is for superusers unless granted; SECURITY DEFINER lets the
-- aggregator's role call it through this one function.
CREATE OR REPLACE FUNCTION kenes.report_restore_point() RETURNS TABLE (name text, lsn pg_lsn)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.name, pg_catalog.pg_create_restore_point(r.name)
    FROM (SELECT 'kenes-report-' || max(id) AS name FROM kenes.report HAVING count(*) > 0) r
$$;
