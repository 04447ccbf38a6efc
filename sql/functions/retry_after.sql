-- Seconds until a person may write again, or NULL when under the cap of `cap` rows in the
-- last hour among `created` timestamps.
CREATE OR REPLACE FUNCTION kenes.retry_after(newest_first timestamptz[], cap integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN cap > 0 AND cardinality(newest_first) >= cap
        THEN greatest(1, ceil(extract(epoch FROM newest_first[cap] + interval '1 hour' - now())))::integer
    END
$$;
