-- What support_add answers before it inserts, per job (status NULL: go on and insert), in
-- its order of checks; `busy` are the jobs whose key another transaction holds. (PL/pgSQL
-- here and below, not SQL: its plans are kept for the session, a SQL function's are not.)
CREATE OR REPLACE FUNCTION kenes.support_decide(jobs jsonb, busy integer[])
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
