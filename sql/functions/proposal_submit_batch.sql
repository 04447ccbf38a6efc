-- Group commit, row by row: each job (the format of proposal_store_batch.sql) through
-- kenes.proposal_submit in its own subtransaction, so one that fails (even with an
-- unexpected error) fails alone and its neighbours are stored. A proposal validated
-- against another draft version than the current one is refused (422 version_not_current),
-- never stored on a part of a draft its author did not see. The handler uses
-- kenes.proposal_store_batch; bench/sql-cost compares the two.
CREATE OR REPLACE FUNCTION kenes.proposal_submit_batch(jobs jsonb)
RETURNS TABLE (ord integer, status integer, code text, body text, retry_after integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    job jsonb;
    r kenes.outcome;
BEGIN
    ord := 0;
    FOR job IN SELECT value FROM jsonb_array_elements(jobs) LOOP
        ord := ord + 1;
        BEGIN
            r := kenes.proposal_submit(
                job->>'consultation', job->>'kind', (job->>'number')::integer, job->>'stance',
                job->>'text', job->>'proposed_wording', job->>'lang', job->>'region',
                job->>'channel', ARRAY(SELECT jsonb_array_elements_text(job->'topics')),
                decode(job->>'submitter', 'hex'), job->>'key', decode(job->>'hash', 'hex'),
                (job->>'per_hour')::integer);
            IF r.status = 201 AND job ? 'version'
               AND (r.body::jsonb->>'version') IS DISTINCT FROM (job->>'version') THEN
                RAISE EXCEPTION USING ERRCODE = 'KN001', MESSAGE = r.body::jsonb->>'version';
            END IF;
        EXCEPTION
            WHEN SQLSTATE 'KN001' THEN  -- undoes the insert and its idempotency row
                r := ROW(422, 'version_not_current', jsonb_build_object('version', SQLERRM::integer)::text, NULL)::kenes.outcome;
            WHEN OTHERS THEN
                RAISE WARNING 'proposal % of a batch failed: % %', ord, SQLSTATE, SQLERRM;
                r := ROW(500, 'internal', NULL, NULL)::kenes.outcome;
        END;
        status := r.status;
        code := r.code;
        body := r.body;
        retry_after := r.retry_after;
        RETURN NEXT;
    END LOOP;
END
$$;
