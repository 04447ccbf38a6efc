-- Stores a batch of jobs (the format in proposal_store_batch.sql) with a few statements
-- instead of a function call, a subtransaction and a re-planned SQL function per proposal
-- (building the 201 body in SQL was 59% of the cost, docs/BENCHMARKS.md).
--
-- Every row gets what kenes.proposal_submit would answer, in its order of checks (409 key
-- in flight, 422 reused key, replay, 429 per-person cap, 422 unknown target), plus 422
-- version_not_current when another draft version became current since the handler
-- validated the job; provided no two jobs of one batch share an idempotency key or a
-- submitter (the handler's writer never puts them in one batch): then no row's checks
-- depend on another row of the same batch. New ids come from kenes.proposal_next_id.
CREATE OR REPLACE FUNCTION kenes.proposal_store_set(jobs jsonb)
RETURNS SETOF kenes.batch_outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
    busy integer[];
BEGIN
    -- Keys first, in a statement of their own, so that the next statement's snapshot sees
    -- whatever the key's previous holder committed (as idempotency_begin does).
    busy := ARRAY(
        SELECT j.ord FROM jsonb_to_recordset(jobs) AS j(ord integer, key text)
        WHERE j.key IS NOT NULL
          AND NOT pg_try_advisory_xact_lock(hashtextextended('proposal' || E'\n' || j.key, 7305526)));
    RETURN QUERY
    WITH job AS MATERIALIZED (
        SELECT j.ord, j.stance, j.text, j.proposed_wording, j.lang, j.region, j.channel,
               j.topics, decode(j.submitter, 'hex') AS submitter, j.key,
               decode(j.hash, 'hex') AS hash, j.per_hour, j.body_mid, j.body_tail, j.version,
               v.consultation_id, v.id AS version_id, v.number AS current_version, p.id AS part_id
        FROM jsonb_to_recordset(jobs) AS j(ord integer, consultation text, kind text,
                 number integer, stance text, text text, proposed_wording text, lang text,
                 region text, channel text, topics text[], submitter text, key text,
                 hash text, per_hour integer, body_mid text, body_tail text, version integer)
        LEFT JOIN kenes.consultation c ON c.slug = j.consultation
        LEFT JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
        LEFT JOIN kenes.part p ON p.version_id = v.id AND p.kind = j.kind
                              AND p.number IS NOT DISTINCT FROM j.number
    ),
    -- Rows that are answered without an insert, in proposal_submit's order of checks.
    decided AS MATERIALIZED (
        SELECT job.ord, d.*
        FROM job
        LEFT JOIN kenes.idempotency i
               ON job.key IS NOT NULL AND i.scope = 'proposal' AND i.key = job.key
              AND i.created_at > now() - interval '24 hours'
        CROSS JOIN LATERAL (SELECT CASE WHEN job.submitter IS NOT NULL THEN kenes.retry_after(ARRAY(
                SELECT q.created_at FROM kenes.proposal q
                WHERE q.submitter = job.submitter AND q.created_at > now() - interval '1 hour'
                ORDER BY q.created_at DESC LIMIT job.per_hour), job.per_hour) END AS wait) w
        CROSS JOIN LATERAL (SELECT
            CASE WHEN job.ord = ANY (busy) THEN 409
                 WHEN i.key IS NOT NULL AND i.request_hash <> job.hash THEN 422
                 WHEN i.key IS NOT NULL THEN i.status
                 WHEN w.wait IS NOT NULL THEN 429
                 WHEN job.part_id IS NULL THEN 422
                 WHEN job.version <> job.current_version THEN 422 END AS status,
            CASE WHEN job.ord = ANY (busy) THEN 'request_in_flight'
                 WHEN i.key IS NOT NULL AND i.request_hash <> job.hash THEN 'idempotency_key_reused'
                 WHEN i.key IS NOT NULL THEN 'replay'
                 WHEN w.wait IS NOT NULL THEN 'rate_limited'
                 WHEN job.part_id IS NULL THEN 'unknown_target'
                 WHEN job.version <> job.current_version THEN 'version_not_current' END AS code,
            CASE WHEN job.ord = ANY (busy) THEN NULL
                 WHEN i.key IS NOT NULL AND i.request_hash = job.hash THEN i.body
                 WHEN i.key IS NOT NULL OR w.wait IS NOT NULL OR job.part_id IS NULL THEN NULL
                 WHEN job.version <> job.current_version
                     THEN jsonb_build_object('version', job.current_version)::text END AS body,
            CASE WHEN job.ord = ANY (busy) THEN 1
                 WHEN i.key IS NOT NULL THEN NULL
                 ELSE w.wait END AS retry_after) d
    ),
    todo AS MATERIALIZED (
        SELECT job.*, kenes.proposal_next_id() AS new_id
        FROM job JOIN decided USING (ord)
        WHERE decided.status IS NULL
        ORDER BY job.ord
    ),
    inserted AS (
        INSERT INTO kenes.proposal (id, consultation_id, version_id, part_id, stance, text,
                                    proposed_wording, lang, region, channel, submitter)
        SELECT new_id, consultation_id, version_id, part_id, stance, text, proposed_wording,
               lang, region, channel, submitter
        FROM todo ORDER BY ord
        RETURNING id, created_at
    ),
    topics AS (
        INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
        SELECT todo.new_id, t.id
        FROM todo JOIN kenes.topic t
          ON t.consultation_id = todo.consultation_id AND t.slug = ANY (todo.topics)
    ),
    remembered AS (
        INSERT INTO kenes.idempotency (scope, key, request_hash, status, body)
        SELECT 'proposal', todo.key, todo.hash, 201,
               '{"id": ' || inserted.id || todo.body_mid
               || to_jsonb(inserted.created_at)::text || todo.body_tail
        FROM todo JOIN inserted ON inserted.id = todo.new_id
        WHERE todo.key IS NOT NULL
        -- an expired answer under the same key is replaced, as idempotency_begin deletes it
        ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash,
            status = excluded.status, body = excluded.body, created_at = excluded.created_at
    )
    SELECT decided.ord, coalesce(decided.status, 201), coalesce(decided.code, 'created'),
           decided.body, decided.retry_after, inserted.id, to_jsonb(inserted.created_at)::text
    FROM decided
    LEFT JOIN todo USING (ord)
    LEFT JOIN inserted ON inserted.id = todo.new_id
    ORDER BY decided.ord;
END
$$;
