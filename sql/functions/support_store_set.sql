-- Stores a batch of supports set-based. Every row gets what kenes.support_add would have
-- answered had the jobs run one after another in their order: replay, 409 key in flight,
-- 422 reused key, 404 unknown or unpublished proposal, 409 closed consultation, 429
-- per-person cap, 201 created or 200 already supported, with the same body ("supports"
-- counts the supports stored so far, as if the rows came one by one). Answers under 300
-- are remembered for the Idempotency-Key. Needs that no two jobs share a supporter, or a
-- key on the same proposal (the handler's writer never puts them together): it raises
-- otherwise, and support_store_batch goes row by row.
CREATE OR REPLACE FUNCTION kenes.support_store_set(jobs jsonb)
RETURNS SETOF kenes.batch_outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    busy integer[];
    decided kenes.batch_outcome[];
    added integer[];
BEGIN
    IF (SELECT count(DISTINCT j.supporter) <> count(*)
               OR count(DISTINCT (j.proposal, j.key)) FILTER (WHERE j.key IS NOT NULL) <> count(j.key)
        FROM kenes.support_jobs(jobs) j) THEN
        RAISE EXCEPTION 'a batch of supports names a supporter or a key twice';
    END IF;
    -- Keys first, in a statement of their own, so that the next statement's snapshot sees
    -- whatever the key's previous holder committed (as idempotency_begin does).
    busy := ARRAY(
        SELECT j.ord FROM kenes.support_jobs(jobs) j
        WHERE j.key IS NOT NULL
          AND NOT pg_try_advisory_xact_lock(
                  hashtextextended('support:' || j.proposal || E'\n' || j.key, 7305526)));
    decided := ARRAY(SELECT d FROM kenes.support_decide(jobs, busy) d);
    -- In (proposal, supporter) order, so that concurrent batches take the key and the
    -- support_count trigger's row locks in one order and never deadlock.
    WITH ins AS (
        INSERT INTO kenes.support (proposal_id, supporter)
        SELECT j.proposal, j.supporter
        FROM kenes.support_jobs(jobs) j JOIN unnest(decided) d ON d.ord = j.ord
        WHERE d.status IS NULL
        ORDER BY j.proposal, j.supporter
        ON CONFLICT (proposal_id, supporter) DO NOTHING
        RETURNING proposal_id, supporter)
    SELECT coalesce(array_agg(j.ord), '{}') INTO added FROM ins
    JOIN kenes.support_jobs(jobs) j ON j.proposal = ins.proposal_id AND j.supporter = ins.supporter;
    -- A statement of its own again: it sees the counts the trigger just updated.
    RETURN QUERY SELECT * FROM kenes.support_answer(jobs, decided, added);
END
$$;
