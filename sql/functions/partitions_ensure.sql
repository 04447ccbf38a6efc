-- Creates the partitions of this month and the next `ahead` months of the three tables
-- that do not exist yet: each as a plain table, then ATTACHed (which takes only SHARE UPDATE
-- EXCLUSIVE on the parent, so submissions go on; lock_timeout keeps it from queueing behind
-- a long transaction; it is retried on the next call). A month whose rows went to the
-- DEFAULT partition cannot be attached; that is reported, never forced, and so is any row
-- in a DEFAULT partition. The generated columns (kenes.proposal.fts) come along: ATTACH refuses
-- a plain column in their place.
CREATE OR REPLACE FUNCTION kenes.partitions_ensure(ahead integer DEFAULT 3)
RETURNS TABLE (partition text, action text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    first integer := kenes.proposal_month(now());
    m integer;
    t text;
    name text;
    n bigint;
BEGIN
    PERFORM set_config('lock_timeout', '1s', true);
    FOR m IN first .. first + greatest(ahead, 0) LOOP
        FOREACH t IN ARRAY ARRAY['proposal', 'proposal_topic', 'support'] LOOP
            name := format('%s_y%sm%s', t, 2000 + m / 12, lpad((m % 12 + 1)::text, 2, '0'));
            CONTINUE WHEN to_regclass('kenes.' || quote_ident(name)) IS NOT NULL;
            partition := 'kenes.' || name;
            BEGIN
                EXECUTE format('CREATE TABLE kenes.%I (LIKE kenes.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)',
                               name, t);
                EXECUTE format('ALTER TABLE kenes.%I ATTACH PARTITION kenes.%I FOR VALUES FROM (%s) TO (%s)',
                               t, name, kenes.proposal_month_base(m), kenes.proposal_month_base(m + 1));
                action := 'created';
            EXCEPTION WHEN OTHERS THEN
                action := 'failed: ' || SQLERRM;
            END;
            RETURN NEXT;
        END LOOP;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['proposal', 'proposal_topic', 'support'] LOOP
        partition := format('kenes.%I', t || '_default');
        EXECUTE format('SELECT count(*) FROM %s', partition) INTO n;
        CONTINUE WHEN n = 0;
        action := format('holds %s rows beyond the partitions created', n);
        RETURN NEXT;
    END LOOP;
END
$$;
