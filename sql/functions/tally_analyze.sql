-- Fresh statistics for the tables a refresh has just filled, before the same transaction
-- reads them again (reports issued right after a rebuild): ANALYZE sees the transaction's
-- own rows, autovacuum only committed ones. SECURITY DEFINER: ANALYZE needs the owner.
CREATE OR REPLACE FUNCTION kenes.tally_analyze() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    ANALYZE kenes.tally_cell, kenes.tally_day, kenes.tally_people_day, kenes.tally_applied,
            kenes.tally_applied_support;
END
$$;
