-- 010: tallies kept by the aggregator (bin/kenes-aggregator, see docs/AGGREGATOR.md).
--
-- How the numbers stay exact however transactions interleave:
--
--   * Triggers on proposal, proposal_topic and support append the id of every proposal whose
--     counted state may have changed to kenes.tally_change, in the same transaction as the
--     change. A row there becomes visible exactly when the change does.
--   * A refresh runs in one REPEATABLE READ transaction. It deletes the queued rows it can
--     see and, for each proposal they name, replaces what the tallies hold for it (kept in
--     kenes.tally_applied) by what the same snapshot shows now. A change that commits after
--     the snapshot was taken (whatever its id) leaves its queue row for the next refresh. A
--     killed refresh rolls back: queue, tallies and applied state together.
--   * Because a refresh applies "state now minus state counted", the order in which queue
--     rows arrive does not matter and a proposal named twice is harmless.
--
-- The tallies themselves: one kenes.tally_cell per (consultation, dimension, key, stance),
-- holding its all-time totals, and kenes.tally_day with the same measures per local day.
-- "people" counts distinct submitter pseudonyms; anonymous proposals count as proposals only.
-- Supports count on the day they were given.

-- The channels a proposal can come through (kenes.proposal's CHECK), with their names.
CREATE TABLE kenes.channel (
    code     text PRIMARY KEY,
    name_kk  text NOT NULL,
    name_ru  text NOT NULL,
    name_en  text NOT NULL,
    ordinal  integer NOT NULL
);
INSERT INTO kenes.channel (code, name_kk, name_ru, name_en, ordinal) VALUES
    ('web', 'Веб-форма', 'Веб-форма', 'Web form', 1),
    ('api', 'API', 'API', 'API', 2),
    ('import', 'Импорт', 'Импорт', 'Import', 3);

-- Queue of proposals to recount. support_at is set when a support was given or withdrawn
-- (only that day of that proposal's supports needs recounting); NULL when the proposal itself
-- changed (inserted, hidden, shown again, edited, deleted, topics changed).
CREATE TABLE kenes.tally_change (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id  bigint NOT NULL,
    support_at   timestamptz
);

-- The key that identifies a cell, built the same way wherever a cell is looked up.
CREATE FUNCTION kenes.tally_cell_key(dim text, part_id integer, topic_id integer, region text,
                                     channel text, week date, stance text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT dim || '/' || coalesce(part_id::text, '') || '/' || coalesce(topic_id::text, '')
           || '/' || coalesce(region, '') || '/' || coalesce(channel, '')
           || '/' || coalesce((week - DATE '2000-01-03')::text, '') || '/' || stance
$$;

-- One cell per consultation, dimension, key and stance ('all' = every stance). The totals
-- are all-time; kenes.tally_day has them per day. Cells are created for every part, topic,
-- region, channel and week, so a part nobody wrote about shows as zeros.
--   dim         key columns set
--   total       (none)
--   part        part_id                 (a part of one draft version)
--   topic       topic_id
--   region      region
--   channel     channel
--   part_topic  part_id, topic_id
--   week        week (the Monday of an ISO week, in the tallies' time zone)
CREATE TABLE kenes.tally_cell (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    dim              text NOT NULL
                     CHECK (dim IN ('total', 'part', 'topic', 'region', 'channel', 'part_topic', 'week')),
    part_id          integer REFERENCES kenes.part,
    topic_id         integer REFERENCES kenes.topic,
    region           text REFERENCES kenes.region,
    channel          text REFERENCES kenes.channel,
    week             date CHECK (extract(isodow FROM week) = 1),
    stance           text NOT NULL CHECK (stance IN ('support', 'oppose', 'amend', 'all')),
    proposals        bigint NOT NULL DEFAULT 0 CHECK (proposals >= 0),
    people           bigint NOT NULL DEFAULT 0 CHECK (people >= 0),
    supports         bigint NOT NULL DEFAULT 0 CHECK (supports >= 0),
    key              text NOT NULL GENERATED ALWAYS AS
                     (kenes.tally_cell_key(dim, part_id, topic_id, region, channel, week, stance)) STORED,
    CHECK ((part_id IS NOT NULL) = (dim IN ('part', 'part_topic'))
           AND (topic_id IS NOT NULL) = (dim IN ('topic', 'part_topic'))
           AND (region IS NOT NULL) = (dim = 'region')
           AND (channel IS NOT NULL) = (dim = 'channel')
           AND (week IS NOT NULL) = (dim = 'week')),
    UNIQUE (consultation_id, key)
) WITH (fillfactor = 80);
CREATE INDEX tally_cell_dim ON kenes.tally_cell (consultation_id, dim);

CREATE TABLE kenes.tally_day (
    cell_id    integer NOT NULL REFERENCES kenes.tally_cell,
    day        date NOT NULL,
    proposals  bigint NOT NULL CHECK (proposals >= 0),
    supports   bigint NOT NULL CHECK (supports >= 0),
    PRIMARY KEY (cell_id, day)
) WITH (fillfactor = 80);  -- room for HOT updates: a refresh adds to rows in place

-- What the tallies count for each published proposal, as of the last refresh: what a
-- refresh takes out again when the proposal changes. Holds pseudonyms: the aggregator's.
CREATE TABLE kenes.tally_applied (
    proposal_id      bigint PRIMARY KEY,
    consultation_id  integer NOT NULL,
    part_id          integer NOT NULL,
    stance           text NOT NULL,
    region           text NOT NULL,
    channel          text NOT NULL,
    day              date NOT NULL,
    submitter        bytea,
    topic_ids        integer[] NOT NULL
);
CREATE INDEX tally_applied_submitter ON kenes.tally_applied (submitter) WHERE submitter IS NOT NULL;
CREATE INDEX tally_applied_day ON kenes.tally_applied (consultation_id, day);

-- Supports counted per proposal and local day of giving.
CREATE TABLE kenes.tally_applied_support (
    proposal_id  bigint NOT NULL,
    day          date NOT NULL,
    supports     integer NOT NULL CHECK (supports > 0),
    PRIMARY KEY (proposal_id, day)
);

-- Recounting one day of one proposal's supports reads that day only.
CREATE INDEX support_proposal_created ON kenes.support (proposal_id, created_at);

-- The last refresh. No row: never refreshed (the first refresh rebuilds from scratch).
CREATE TABLE kenes.tally_state (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone     text NOT NULL,          -- days and ISO weeks are local to this zone
    refreshed_at  timestamptz NOT NULL,   -- the tallies count what was committed then
    snapshot      text NOT NULL,          -- pg_current_snapshot() of that refresh
    rebuilt_at    timestamptz NOT NULL,   -- the last full rebuild
    changes       bigint NOT NULL         -- queue rows consumed since then
);

-- The cells a proposal (or its supports on a day) counts in: one per dimension and key, for
-- its stance and for 'all'.
CREATE FUNCTION kenes.tally_keys(p_part integer, p_stance text, p_region text, p_channel text,
                                 p_topics integer[], p_day date)
RETURNS TABLE (dim text, key text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT k.dim, kenes.tally_cell_key(k.dim, k.part_id, k.topic_id, k.region, k.channel, k.week, s.stance)
    FROM (VALUES ('total', NULL::integer, NULL::integer, NULL::text, NULL::text, NULL::date),
                 ('part', p_part, NULL, NULL, NULL, NULL),
                 ('region', NULL, NULL, p_region, NULL, NULL),
                 ('channel', NULL, NULL, NULL, p_channel, NULL),
                 ('week', NULL, NULL, NULL, NULL, p_day - (extract(isodow FROM p_day)::integer - 1))
          UNION ALL
          SELECT d.dim, CASE WHEN d.dim = 'part_topic' THEN p_part END, t.topic_id, NULL, NULL, NULL
          FROM unnest(p_topics) AS t(topic_id) CROSS JOIN (VALUES ('topic'), ('part_topic')) AS d(dim)
         ) AS k(dim, part_id, topic_id, region, channel, week)
    CROSS JOIN (VALUES (p_stance), ('all')) AS s(stance)
$$;

-- The tallies of one dimension over local days [p_from, p_to] (either may be NULL: open),
-- or all-time when the range covers every day with data. People in a narrower range are
-- counted from the per-proposal state (cost grows with the proposals in the range);
-- all-time figures are stored per cell.
-- SECURITY DEFINER so that roles without access to pseudonyms get counts, never pseudonyms.
CREATE FUNCTION kenes.tally_between(p_consultation integer, p_dim text, p_from date, p_to date)
RETURNS TABLE (cell_id integer, proposals bigint, people bigint, supports bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    first_day date;
    last_day date;
BEGIN
    -- The first and last day with data: two index probes on the consultation's total cell.
    SELECT min(d.day), max(d.day) INTO first_day, last_day
    FROM kenes.tally_cell c JOIN kenes.tally_day d ON d.cell_id = c.id
    WHERE c.consultation_id = p_consultation AND c.dim = 'total' AND c.stance = 'all';
    IF first_day IS NULL OR (coalesce(p_from, '-infinity') <= first_day
                             AND coalesce(p_to, 'infinity') >= last_day) THEN
        RETURN QUERY
        SELECT c.id, c.proposals, c.people, c.supports
        FROM kenes.tally_cell c
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim;
        RETURN;
    END IF;
    RETURN QUERY
    WITH days AS (
        SELECT d.cell_id, sum(d.proposals)::bigint AS proposals, sum(d.supports)::bigint AS supports
        FROM kenes.tally_cell c
        JOIN kenes.tally_day d ON d.cell_id = c.id
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim
          AND d.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
        GROUP BY d.cell_id),
    persons AS (
        SELECT kenes.tally_cell_key(p_dim,
                   CASE WHEN p_dim IN ('part', 'part_topic') THEN a.part_id END,
                   CASE WHEN p_dim IN ('topic', 'part_topic') THEN t.topic_id END,
                   CASE WHEN p_dim = 'region' THEN a.region END,
                   CASE WHEN p_dim = 'channel' THEN a.channel END,
                   CASE WHEN p_dim = 'week' THEN a.day - (extract(isodow FROM a.day)::integer - 1) END,
                   s.stance) AS key,
               a.submitter
        FROM kenes.tally_applied a
        CROSS JOIN LATERAL unnest(CASE WHEN p_dim IN ('topic', 'part_topic') THEN a.topic_ids
                                       ELSE ARRAY[NULL::integer] END) AS t(topic_id)
        CROSS JOIN LATERAL (VALUES (a.stance), ('all')) AS s(stance)
        WHERE a.consultation_id = p_consultation AND a.submitter IS NOT NULL
          AND a.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')),
    people AS (
        SELECT c.id AS cell_id, count(DISTINCT x.submitter)::bigint AS people
        FROM persons x
        JOIN kenes.tally_cell c ON c.consultation_id = p_consultation AND c.key = x.key
        GROUP BY c.id)
    SELECT c.id, coalesce(d.proposals, 0), coalesce(p.people, 0), coalesce(d.supports, 0)
    FROM kenes.tally_cell c
    LEFT JOIN days d ON d.cell_id = c.id
    LEFT JOIN people p ON p.cell_id = c.id
    WHERE c.consultation_id = p_consultation AND c.dim = p_dim;
END
$$;

-- Fresh statistics for the tables a refresh has just filled, before the same transaction
-- reads them again (reports issued right after a rebuild): ANALYZE sees the transaction's
-- own rows, autovacuum only committed ones. SECURITY DEFINER: ANALYZE needs the owner.
CREATE FUNCTION kenes.tally_analyze() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    ANALYZE kenes.tally_cell, kenes.tally_day, kenes.tally_applied, kenes.tally_applied_support;
END
$$;

-- Change capture. SECURITY DEFINER: the handler's role fires these through its writing
-- functions and has no privilege on the queue itself.
CREATE FUNCTION kenes.tally_capture_new_proposals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT n.id FROM new_rows n;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.tally_capture_old_proposals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT o.id FROM old_rows o;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.tally_capture_proposal_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) VALUES (NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER tally_proposal_insert AFTER INSERT ON kenes.proposal
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_new_proposals();
CREATE TRIGGER tally_proposal_delete AFTER DELETE ON kenes.proposal
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_old_proposals();
-- Only the columns a tally depends on: support_count changes (one per support) do not fire it.
CREATE TRIGGER tally_proposal_update
    AFTER UPDATE OF consultation_id, part_id, stance, region, channel, status, submitter, created_at
    ON kenes.proposal FOR EACH ROW
    WHEN ((OLD.consultation_id, OLD.part_id, OLD.stance, OLD.region, OLD.channel, OLD.status,
           OLD.submitter, OLD.created_at)
          IS DISTINCT FROM
          (NEW.consultation_id, NEW.part_id, NEW.stance, NEW.region, NEW.channel, NEW.status,
           NEW.submitter, NEW.created_at))
    EXECUTE FUNCTION kenes.tally_capture_proposal_update();

CREATE FUNCTION kenes.tally_capture_new_topics() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT DISTINCT n.proposal_id FROM new_rows n;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.tally_capture_old_topics() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) SELECT DISTINCT o.proposal_id FROM old_rows o;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.tally_capture_topic_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id) VALUES (OLD.proposal_id), (NEW.proposal_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER tally_topic_insert AFTER INSERT ON kenes.proposal_topic
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_new_topics();
CREATE TRIGGER tally_topic_delete AFTER DELETE ON kenes.proposal_topic
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_old_topics();
CREATE TRIGGER tally_topic_update AFTER UPDATE ON kenes.proposal_topic
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION kenes.tally_capture_topic_update();

CREATE FUNCTION kenes.tally_capture_new_supports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id, support_at)
    SELECT n.proposal_id, n.created_at FROM new_rows n;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.tally_capture_old_supports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id, support_at)
    SELECT o.proposal_id, o.created_at FROM old_rows o;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.tally_capture_support_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO kenes.tally_change (proposal_id, support_at)
    VALUES (OLD.proposal_id, OLD.created_at), (NEW.proposal_id, NEW.created_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER tally_support_insert AFTER INSERT ON kenes.support
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_new_supports();
CREATE TRIGGER tally_support_delete AFTER DELETE ON kenes.support
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.tally_capture_old_supports();
CREATE TRIGGER tally_support_update
    AFTER UPDATE OF proposal_id, created_at ON kenes.support
    FOR EACH ROW WHEN ((OLD.proposal_id, OLD.created_at) IS DISTINCT FROM (NEW.proposal_id, NEW.created_at))
    EXECUTE FUNCTION kenes.tally_capture_support_update();

REVOKE EXECUTE ON FUNCTION kenes.tally_capture_new_proposals, kenes.tally_capture_old_proposals,
    kenes.tally_capture_proposal_update, kenes.tally_capture_new_topics,
    kenes.tally_capture_old_topics, kenes.tally_capture_topic_update,
    kenes.tally_capture_new_supports, kenes.tally_capture_old_supports,
    kenes.tally_capture_support_update, kenes.tally_between, kenes.tally_analyze FROM PUBLIC;
