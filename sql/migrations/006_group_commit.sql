-- 006: group commit. The handler gathers the proposals that arrive together and stores them
-- with one call, so in one transaction and one commit. Each proposal still gets its own
-- outcome: one that fails (even with an unexpected error) fails alone, in its own
-- subtransaction, and its neighbours are stored.
CREATE FUNCTION kenes.proposal_submit_batch(jobs jsonb)
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
        EXCEPTION WHEN OTHERS THEN
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
REVOKE EXECUTE ON FUNCTION kenes.proposal_submit_batch FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT EXECUTE ON FUNCTION kenes.proposal_submit_batch TO kenes_handler;
    END IF;
END
$$;
