-- 023: proposals, their topics and supports partitioned by month (declarative partitioning).
--
-- A proposal's id now carries the month it arrived in (UTC): id = month * 10^10 + counter,
-- where month counts from January 2000 (2026-11 is 322) and the counter is one sequence,
-- kenes.proposal_counter. So ids still grow in arrival order, the primary key (id) still
-- contains the partition key, and every foreign key to proposal(id) stays as it was.
-- kenes.proposal is partitioned by RANGE (id), one partition per month; proposal_topic and
-- support by RANGE (proposal_id) with the same bounds, so a proposal's topics and supports
-- live in its month's partition and "one person, one support" (support's primary key
-- (proposal_id, supporter)) holds across partitions. docs/SCALING.md explains the choice.
--
-- The rows stored before this migration are not copied: each table is renamed to *_p0 and
-- attached as the partition below the current month. kenes.partitions_ensure(n) creates
-- the partitions for this month and the next n (the aggregator calls it before every
-- refresh); a DEFAULT partition keeps any row beyond them (an alert, never a lost row).
--
-- The importer's unique (consultation_id, source, source_id) cannot stay an index of a
-- partitioned table (a unique index must contain the partition key): it moves to
-- kenes.proposal_source, which the importer fills beside its proposals.

CREATE FUNCTION kenes.proposal_month(at timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (pg_catalog.date_part('year', at AT TIME ZONE 'UTC')::integer - 2000) * 12
           + pg_catalog.date_part('month', at AT TIME ZONE 'UTC')::integer - 1
$$;

-- The first id of a month (and, + 10^10, the first of the next).
CREATE FUNCTION kenes.proposal_month_base(month integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT month::bigint * 10000000000 $$;

-- Captures the statements that recreate, on the partitioned tables, what the migration
-- drops from the plain ones (triggers, foreign keys in and out, indexes, views, grants).
CREATE TEMPORARY TABLE partition_ddl (ord serial, stmt text NOT NULL) ON COMMIT DROP;

DO $$
DECLARE
    tabs regclass[] := ARRAY['kenes.proposal', 'kenes.proposal_topic', 'kenes.support']::regclass[];
    r record;
BEGIN
    -- Views that read the tables are replaced by the same text, which then names the parent.
    FOR r IN SELECT DISTINCT v.oid::regclass AS view, pg_catalog.pg_get_viewdef(v.oid) AS def,
                    v.reloptions
             FROM pg_catalog.pg_depend d
             JOIN pg_catalog.pg_rewrite w ON w.oid = d.objid
             JOIN pg_catalog.pg_class v ON v.oid = w.ev_class
             WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refobjid = ANY (tabs)
               AND v.oid <> ALL (tabs) LOOP
        INSERT INTO partition_ddl (stmt) VALUES (format('CREATE OR REPLACE VIEW %s %s AS %s', r.view,
            CASE WHEN r.reloptions IS NOT NULL
                 THEN 'WITH (' || array_to_string(r.reloptions, ', ') || ')' ELSE '' END, r.def));
    END LOOP;
    -- Primary keys, then the other indexes (created on a parent, each attaches the
    -- partition's equal index instead of building one). The importer's unique index goes.
    FOR r IN SELECT c.conrelid::regclass AS rel, c.conname, pg_catalog.pg_get_constraintdef(c.oid) AS def
             FROM pg_catalog.pg_constraint c
             WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY (tabs) LOOP
        INSERT INTO partition_ddl (stmt)
        VALUES (format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.rel, r.conname, r.def));
        EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', r.rel, r.conname, r.conname || '_p0');
    END LOOP;
    FOR r IN SELECT i.indexrelid::regclass AS idx, c.relname, pg_catalog.pg_get_indexdef(i.indexrelid) AS def
             FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             WHERE i.indrelid = ANY (tabs)
               AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid) LOOP
        IF r.relname = 'proposal_source_unique' THEN
            CONTINUE;
        END IF;
        INSERT INTO partition_ddl (stmt) VALUES (r.def);
        EXECUTE format('ALTER INDEX %s RENAME TO %I', r.idx, r.relname || '_p0');
    END LOOP;
    -- Foreign keys from, to and between the three tables.
    FOR r IN SELECT c.conrelid::regclass AS rel, c.conname, pg_catalog.pg_get_constraintdef(c.oid) AS def
             FROM pg_catalog.pg_constraint c
             WHERE c.contype = 'f' AND (c.conrelid = ANY (tabs) OR c.confrelid = ANY (tabs)) LOOP
        INSERT INTO partition_ddl (stmt)
        VALUES (format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.rel, r.conname, r.def));
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
    END LOOP;
    -- Triggers: statement triggers with transition tables may not be on a partition.
    FOR r IN SELECT t.tgrelid::regclass AS rel, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) AS def
             FROM pg_catalog.pg_trigger t
             WHERE t.tgrelid = ANY (tabs) AND NOT t.tgisinternal LOOP
        INSERT INTO partition_ddl (stmt) VALUES (r.def);
        EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.rel);
    END LOOP;
    -- Privileges, table and column, as they are now.
    FOR r IN SELECT c.oid::regclass AS rel, a.privilege_type, a.grantee::regrole AS grantee
             FROM pg_catalog.pg_class c, aclexplode(c.relacl) a
             WHERE c.oid = ANY (tabs) AND a.grantee <> c.relowner AND a.grantee <> 0 LOOP
        INSERT INTO partition_ddl (stmt)
        VALUES (format('GRANT %s ON %s TO %s', r.privilege_type, r.rel, r.grantee));
    END LOOP;
    FOR r IN SELECT t.attrelid::regclass AS rel, t.attname, a.privilege_type, a.grantee::regrole AS grantee
             FROM pg_catalog.pg_attribute t, aclexplode(t.attacl) a
             WHERE t.attrelid = ANY (tabs) AND a.grantee <> 0 LOOP
        INSERT INTO partition_ddl (stmt)
        VALUES (format('GRANT %s (%I) ON %s TO %s', r.privilege_type, r.attname, r.rel, r.grantee));
    END LOOP;
END
$$;

-- The importer's keys, from the rows stored so far.
CREATE TABLE kenes.proposal_source (
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    source           text NOT NULL REFERENCES kenes.import_source,
    source_id        text NOT NULL,
    proposal_id      bigint NOT NULL,
    PRIMARY KEY (consultation_id, source, source_id)
);
CREATE INDEX proposal_source_proposal ON kenes.proposal_source (proposal_id);
INSERT INTO kenes.proposal_source (consultation_id, source, source_id, proposal_id)
SELECT consultation_id, source, source_id, id FROM kenes.proposal WHERE source IS NOT NULL;
DROP INDEX kenes.proposal_source_unique;

-- The counter goes on from where the identity was; the identity (and its sequence) goes.
CREATE SEQUENCE kenes.proposal_counter AS bigint MAXVALUE 9999999999;
SELECT pg_catalog.setval('kenes.proposal_counter', last_value, is_called) AS counter FROM kenes.proposal_id_seq \gset
ALTER TABLE kenes.proposal ALTER COLUMN id DROP IDENTITY;

CREATE FUNCTION kenes.proposal_next_id() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT kenes.proposal_month_base(kenes.proposal_month(pg_catalog.now()))
           + pg_catalog.nextval('kenes.proposal_counter')
$$;

ALTER TABLE kenes.proposal RENAME TO proposal_p0;
ALTER TABLE kenes.proposal_topic RENAME TO proposal_topic_p0;
ALTER TABLE kenes.support RENAME TO support_p0;

CREATE TABLE kenes.proposal (LIKE kenes.proposal_p0 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (id);
ALTER TABLE kenes.proposal ALTER COLUMN id SET DEFAULT kenes.proposal_next_id();
CREATE TABLE kenes.proposal_topic (LIKE kenes.proposal_topic_p0 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (proposal_id);
CREATE TABLE kenes.support (LIKE kenes.support_p0 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (proposal_id);

DO $$
DECLARE
    bound bigint := kenes.proposal_month_base(kenes.proposal_month(now()));
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['proposal', 'proposal_topic', 'support'] LOOP
        EXECUTE format('ALTER TABLE kenes.%I ATTACH PARTITION kenes.%I FOR VALUES FROM (MINVALUE) TO (%s)',
                       t, t || '_p0', bound);
        EXECUTE format('CREATE TABLE kenes.%I PARTITION OF kenes.%I DEFAULT', t || '_default', t);
    END LOOP;
END
$$;

DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT stmt FROM partition_ddl ORDER BY ord LOOP
        EXECUTE s;
    END LOOP;
END
$$;

ALTER TABLE kenes.proposal_source ADD FOREIGN KEY (proposal_id) REFERENCES kenes.proposal ON DELETE CASCADE;

-- The importer draws ids through proposal_next_id and records its keys.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_importer') THEN
        GRANT USAGE ON SEQUENCE kenes.proposal_counter TO kenes_importer;
        GRANT SELECT, INSERT ON kenes.proposal_source TO kenes_importer;
    END IF;
END
$$;

-- Creates the partitions of this month and the next `ahead` months of the three tables
-- that do not exist yet: each as a plain table, then ATTACHed (which takes only SHARE UPDATE
-- EXCLUSIVE on the parent, so submissions go on; lock_timeout keeps it from queueing behind
-- a long transaction; it is retried on the next call). A month whose rows went to the
-- DEFAULT partition cannot be attached; that is reported, never forced, and so is any row
-- in a DEFAULT partition.
CREATE FUNCTION kenes.partitions_ensure(ahead integer DEFAULT 3)
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
                EXECUTE format('CREATE TABLE kenes.%I (LIKE kenes.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
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
REVOKE EXECUTE ON FUNCTION kenes.partitions_ensure FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT EXECUTE ON FUNCTION kenes.partitions_ensure TO kenes_aggregator;
    END IF;
END
$$;
SELECT count(*) AS partitions_created FROM kenes.partitions_ensure(3) \gset

-- The set-based store (007) drew ids from the identity's sequence; now from proposal_next_id.
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

