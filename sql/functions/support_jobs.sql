-- The rows of a batch, decoded.
CREATE OR REPLACE FUNCTION kenes.support_jobs(jobs jsonb)
RETURNS TABLE (ord integer, proposal bigint, supporter bytea, key text, hash bytea, per_hour integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT j.ord, j.proposal, decode(j.supporter, 'hex'), j.key, decode(j.hash, 'hex'), j.per_hour
    FROM jsonb_to_recordset(jobs) AS j(ord integer, proposal bigint, supporter text, key text,
                                       hash text, per_hour integer)
$$;
