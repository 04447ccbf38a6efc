-- Group commit for supports: the handler's writer stores the supports that arrive together
-- with one call (sql/queries/support_store_batch.sql), so one transaction and one commit.
-- kenes.support_store_set first; a batch it refuses, or whose statement fails anyway, is
-- stored again row by row, each row in its own subtransaction, so a bad row fails alone
-- (500) and its neighbours are stored.
--
-- One job, as the handler sends it (fcgi/support.c): ord, proposal (id), supporter (hex),
-- key or absent, hash (hex), per_hour. The result rows are kenes.batch_outcome with id and
-- created_at NULL.
CREATE OR REPLACE FUNCTION kenes.support_store_batch(jobs jsonb)
RETURNS SETOF kenes.batch_outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    done kenes.batch_outcome[];
    one kenes.batch_outcome[];
    job jsonb;
BEGIN
    BEGIN
        done := ARRAY(SELECT r FROM kenes.support_store_set(jobs) r);
        RETURN QUERY SELECT * FROM unnest(done);
        RETURN;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'a batch of % supports failed (% %); storing them one by one',
            jsonb_array_length(jobs), SQLSTATE, SQLERRM;
    END;
    FOR job IN SELECT value FROM jsonb_array_elements(jobs) LOOP
        BEGIN
            one := ARRAY(SELECT r FROM kenes.support_store_set(jsonb_build_array(job)) r);
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'support % of a batch failed: % %', job->>'ord', SQLSTATE, SQLERRM;
            one := ARRAY[ROW((job->>'ord')::integer, 500, 'internal', NULL, NULL, NULL, NULL)::kenes.batch_outcome];
        END;
        RETURN QUERY SELECT * FROM unnest(one);
    END LOOP;
END
$$;
