-- 022: group commit for supports, as 007 does for proposals. The handler's writer stores the
-- supports that arrive together with one call of kenes.support_store_batch, so one
-- transaction and one commit, and answers each request after it.
--
-- Every row gets what kenes.support_add (005) would have answered had the batch's jobs run
-- one after another in their order: replay, 409 key in flight, 422 reused key, 404 unknown or
-- unpublished proposal, 409 closed consultation, 429 per-person cap, 201 created or 200
-- already supported (a person supports a proposal once: the primary key), with the same body
-- ("supports" counts the supports stored so far, as if the batch's rows came one by one).
-- Answers under 300 are remembered for the Idempotency-Key, as support_add does.
--
-- The set-based path needs that no two jobs of a batch share a supporter, or a key on the
-- same proposal (the handler's writer never puts them together): then no row's checks
-- depend on another's. A batch that breaks this, or whose statement fails anyway, is stored
-- again row by row, each row in its own subtransaction, so a bad row fails alone (500) and
-- its neighbours are stored.
--
-- One job, as the handler sends it (fcgi/support.c): ord, proposal (id), supporter (hex),
-- key or absent, hash (hex), per_hour. The result rows are kenes.batch_outcome (007) with
-- id and created_at NULL.

-- The rows of a batch, decoded.
CREATE FUNCTION kenes.support_jobs(jobs jsonb)
RETURNS TABLE (ord integer, proposal bigint, supporter bytea, key text, hash bytea, per_hour integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT j.ord, j.proposal, decode(j.supporter, 'hex'), j.key, decode(j.hash, 'hex'), j.per_hour
    FROM jsonb_to_recordset(jobs) AS j(ord integer, proposal bigint, supporter text, key text,
                                       hash text, per_hour integer)
$$;

-- What support_add answers before it inserts, per job (status NULL: go on and insert), in
-- its order of checks; `busy` are the jobs whose key another transaction holds. (PL/pgSQL
-- here and below, not SQL: its plans are kept for the session, a SQL function's are not.)
CREATE FUNCTION kenes.support_decide(jobs jsonb, busy integer[])
RETURNS SETOF kenes.batch_outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT job.ord, d.status, d.code, d.body, d.retry_after, NULL::bigint, NULL::text
    FROM kenes.support_jobs(jobs) job
    -- Each lateral is fenced (LIMIT, OFFSET 0) so that it stays a per-job index lookup run
    -- once: pulled up, the key's became a scan of the whole table, and the cap's array was
    -- built once for every mention of it.
    LEFT JOIN LATERAL (
        SELECT i.key, i.request_hash, i.status, i.body FROM kenes.idempotency i
        WHERE job.key IS NOT NULL AND i.scope = 'support:' || job.proposal AND i.key = job.key
          AND i.created_at > now() - interval '24 hours' LIMIT 1) i ON true
    LEFT JOIN LATERAL (
        SELECT c.status = 'open' AND c.opens_at <= now()
               AND (c.closes_at IS NULL OR c.closes_at > now()) AS open
        FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
        WHERE p.id = job.proposal AND p.status = 'published' LIMIT 1) o ON true
    CROSS JOIN LATERAL (SELECT ARRAY(
        SELECT s.created_at FROM kenes.support s
        WHERE s.supporter = job.supporter AND s.created_at > now() - interval '1 hour'
        ORDER BY s.created_at DESC LIMIT job.per_hour) AS recent OFFSET 0) a
    CROSS JOIN LATERAL (SELECT kenes.retry_after(a.recent, job.per_hour) AS wait OFFSET 0) w
    CROSS JOIN LATERAL (SELECT
        CASE WHEN job.ord = ANY (busy) THEN ROW(409, 'request_in_flight', NULL, 1)::kenes.outcome
             WHEN i.key IS NOT NULL AND i.request_hash <> job.hash
                 THEN ROW(422, 'idempotency_key_reused', NULL, NULL)::kenes.outcome
             WHEN i.key IS NOT NULL THEN ROW(i.status, 'replay', i.body, NULL)::kenes.outcome
             WHEN o.open IS NULL THEN ROW(404, 'not_found', NULL, NULL)::kenes.outcome
             WHEN NOT o.open THEN ROW(409, 'consultation_closed', NULL, NULL)::kenes.outcome
             WHEN w.wait IS NOT NULL THEN ROW(429, 'rate_limited', NULL, w.wait)::kenes.outcome
        END AS r OFFSET 0) x
    CROSS JOIN LATERAL (SELECT (x.r).status, (x.r).code, (x.r).body, (x.r).retry_after) d
    ORDER BY job.ord;
END
$$;

CREATE FUNCTION kenes.support_store_set(jobs jsonb)
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

-- The answers: 201 for the rows `added`, 200 for the others that got as far as the insert,
-- with the support count as it stood after each row in the batch's order; remembered for
-- their keys.
CREATE FUNCTION kenes.support_answer(jobs jsonb, decided kenes.batch_outcome[], added integer[])
RETURNS SETOF kenes.batch_outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY WITH stored AS MATERIALIZED (
        SELECT j.ord, j.proposal, j.key, j.hash, j.ord = ANY (added) AS created,
               jsonb_build_object('proposal', j.proposal, 'supported', true,
                   'supports', p.support_count - coalesce(sum((j.ord = ANY (added))::integer) OVER (
                       PARTITION BY j.proposal ORDER BY j.ord DESC
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::text AS body
        FROM kenes.support_jobs(jobs) j
        JOIN unnest(decided) d ON d.ord = j.ord AND d.status IS NULL
        JOIN kenes.proposal p ON p.id = j.proposal
    ),
    remembered AS (
        INSERT INTO kenes.idempotency (scope, key, request_hash, status, body)
        SELECT 'support:' || s.proposal, s.key, s.hash, CASE WHEN s.created THEN 201 ELSE 200 END, s.body
        FROM stored s WHERE s.key IS NOT NULL
        -- an expired answer under the same key is replaced, as idempotency_begin deletes it
        ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash,
            status = excluded.status, body = excluded.body, created_at = excluded.created_at
    )
    SELECT d.ord,
           coalesce(d.status, CASE WHEN s.created THEN 201 ELSE 200 END),
           coalesce(d.code, CASE WHEN s.created THEN 'created' ELSE 'already_supported' END),
           coalesce(d.body, s.body), d.retry_after, NULL::bigint, NULL::text
    FROM unnest(decided) d LEFT JOIN stored s ON s.ord = d.ord
    ORDER BY d.ord;
END
$$;

-- The batch: set-based first; if that fails, row by row, each row alone.
CREATE FUNCTION kenes.support_store_batch(jobs jsonb)
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

REVOKE EXECUTE ON FUNCTION kenes.support_jobs, kenes.support_decide, kenes.support_store_set,
    kenes.support_answer, kenes.support_store_batch FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT EXECUTE ON FUNCTION kenes.support_store_batch TO kenes_handler;
    END IF;
END
$$;
