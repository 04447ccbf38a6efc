-- The answers: 201 for the rows `added`, 200 for the others that got as far as the insert,
-- with the support count as it stood after each row in the batch's order; remembered for
-- their keys.
CREATE OR REPLACE FUNCTION kenes.support_answer(jobs jsonb, decided kenes.batch_outcome[], added integer[])
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
