-- Keys older than a day are of no use; the handler calls this now and then.
CREATE OR REPLACE FUNCTION kenes.idempotency_expire() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH gone AS (DELETE FROM kenes.idempotency WHERE created_at < now() - interval '24 hours' RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;
