-- How many changes wait in the tallies' queue for the next `kenes-aggregator refresh`: the
-- dashboard's "queued changes". SECURITY DEFINER: the handler's role cannot read the queue.
CREATE OR REPLACE FUNCTION kenes.staff_tally_queued() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT count(*) FROM kenes.tally_change
$$;
