-- Group commit for supports: the handler's writer stores the supports that arrive together
-- with one call (sql/queries/support_store_batch.sql), so one transaction and one commit.
-- kenes.support_store_set first; a batch it refuses, or whose statement fails anyway, is
-- stored again row by row (kenes.batch_store), so a bad row fails alone (500).
--
-- One job, as the handler sends it (fcgi/support.c): ord, proposal (id), supporter (hex),
-- key or absent, hash (hex), per_hour. The result rows are kenes.batch_outcome with id and
-- created_at NULL.
CREATE OR REPLACE FUNCTION kenes.support_store_batch(jobs jsonb)
RETURNS SETOF kenes.batch_outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM kenes.batch_store('support', jobs)
$$;
