-- The month a proposal's id carries (UTC), counted from January 2000: 2026-11 is 322.
-- Proposals, their topics and supports are partitioned by it (sql/migrations/023).
CREATE OR REPLACE FUNCTION kenes.proposal_month(at timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (pg_catalog.date_part('year', at AT TIME ZONE 'UTC')::integer - 2000) * 12
           + pg_catalog.date_part('month', at AT TIME ZONE 'UTC')::integer - 1
$$;
