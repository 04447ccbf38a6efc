-- The group commit's fallback, for kenes.proposal_store_batch and kenes.support_store_batch
-- (p_what 'proposal' or 'support'): the jobs are stored with kenes.batch_store_set, the
-- whole batch in one go; if that fails (a constraint, the draft changed under the cache, a
-- bug), the batch is stored again row by row, each in its own subtransaction, so a bad row
-- fails alone (status 500) and its neighbours are stored. One kenes.batch_outcome per job.
CREATE OR REPLACE FUNCTION kenes.batch_store(p_what text, jobs jsonb)
RETURNS SETOF kenes.batch_outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    done kenes.batch_outcome[];
    job jsonb;
BEGIN
    BEGIN
        done := kenes.batch_store_set(p_what, jobs);
        RETURN QUERY SELECT * FROM unnest(done);
        RETURN;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'a batch of % %s failed (% %); storing them one by one',
            jsonb_array_length(jobs), p_what, SQLSTATE, SQLERRM;
    END;
    FOR job IN SELECT value FROM jsonb_array_elements(jobs) LOOP
        BEGIN
            done := kenes.batch_store_set(p_what, jsonb_build_array(job));
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING '% % of a batch failed: % %', p_what, job->>'ord', SQLSTATE, SQLERRM;
            done := ARRAY[ROW((job->>'ord')::integer, 500, 'internal', NULL, NULL, NULL, NULL)::kenes.batch_outcome];
        END;
        RETURN QUERY SELECT * FROM unnest(done);
    END LOOP;
END
$$;
