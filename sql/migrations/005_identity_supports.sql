-- 005: identity policies, supports, idempotent submissions, per-person limits.
--
-- People are known only by a pseudonym: HMAC-SHA256 of their identity (an IIN, or the
-- subject an upstream single sign-on vouches for) under a secret key that only the handler
-- holds. The database never sees the identity itself.
--
-- Everything the handler writes goes through the SECURITY DEFINER functions below, so its
-- role needs no INSERT privilege and can never read a pseudonym back.

ALTER TABLE kenes.consultation
    ADD COLUMN identity_policy text NOT NULL DEFAULT 'iin'
        CHECK (identity_policy IN ('iin', 'trusted-header')),
    ADD COLUMN proposals_require_identity boolean NOT NULL DEFAULT false;

CREATE INDEX proposal_submitter ON kenes.proposal (submitter, created_at) WHERE submitter IS NOT NULL;
ALTER TABLE kenes.proposal ADD COLUMN support_count integer NOT NULL DEFAULT 0;
CREATE INDEX proposal_part_supported ON kenes.proposal (part_id, support_count DESC, id DESC)
    WHERE status = 'published';

-- One row per person per proposal: the primary key is what makes "one person, one support"
-- hold whatever the concurrency. Withdrawing deletes the row.
CREATE TABLE kenes.support (
    proposal_id  bigint NOT NULL REFERENCES kenes.proposal,
    supporter    bytea NOT NULL CHECK (octet_length(supporter) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, supporter)
);
CREATE INDEX support_supporter ON kenes.support (supporter, created_at);

-- Responses to POSTs that carried an Idempotency-Key (or a form's one-time token), kept for
-- 24 hours: the same key with the same request replays the stored response.
CREATE TABLE kenes.idempotency (
    scope         text NOT NULL,          -- 'proposal' or 'support:<proposal id>'
    key           text NOT NULL CHECK (octet_length(key) BETWEEN 1 AND 255),
    request_hash  bytea NOT NULL,
    status        integer NOT NULL,
    body          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON kenes.idempotency (created_at);

-- The support count shown with each proposal, kept by trigger so that lists sorted by
-- support need no aggregate. The function runs as its owner: the handler may not update.
CREATE FUNCTION kenes.support_count_trigger() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE kenes.proposal SET support_count = support_count + 1 WHERE id = NEW.proposal_id;
    ELSE
        UPDATE kenes.proposal SET support_count = support_count - 1 WHERE id = OLD.proposal_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER support_count AFTER INSERT OR DELETE ON kenes.support
    FOR EACH ROW EXECUTE FUNCTION kenes.support_count_trigger();

-- The outcome of a write through the functions below. status is the HTTP status; body the
-- JSON to answer with; retry_after (seconds) for 429.
CREATE TYPE kenes.outcome AS (status integer, code text, body text, retry_after integer);

-- Takes the idempotency key for this transaction. Returns NULL when the caller should go
-- on and do the work, or the outcome to answer with (a replay, 409 or 422).
CREATE FUNCTION kenes.idempotency_begin(p_scope text, p_key text, p_hash bytea)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    prior kenes.idempotency;
BEGIN
    IF p_key IS NULL THEN
        RETURN NULL;
    END IF;
    -- A transaction holding this key has not committed yet: the first request is in flight.
    IF NOT pg_try_advisory_xact_lock(hashtextextended(p_scope || E'\n' || p_key, 7305526)) THEN
        RETURN ROW(409, 'request_in_flight', NULL, 1)::kenes.outcome;
    END IF;
    SELECT * INTO prior FROM kenes.idempotency
    WHERE scope = p_scope AND key = p_key AND created_at > now() - interval '24 hours';
    IF NOT FOUND THEN
        DELETE FROM kenes.idempotency WHERE scope = p_scope AND key = p_key;
        RETURN NULL;
    END IF;
    IF prior.request_hash <> p_hash THEN
        RETURN ROW(422, 'idempotency_key_reused', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN ROW(prior.status, 'replay', prior.body, NULL)::kenes.outcome;
END
$$;

CREATE FUNCTION kenes.idempotency_end(p_scope text, p_key text, p_hash bytea, result kenes.outcome)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_key IS NOT NULL AND result.status < 300 THEN
        INSERT INTO kenes.idempotency (scope, key, request_hash, status, body)
        VALUES (p_scope, p_key, p_hash, result.status, result.body);
    END IF;
    RETURN result;
END
$$;

-- Seconds until a person may write again, or NULL when under the cap of `cap` rows in the
-- last hour among `created` timestamps.
CREATE FUNCTION kenes.retry_after(newest_first timestamptz[], cap integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN cap > 0 AND cardinality(newest_first) >= cap
        THEN greatest(1, ceil(extract(epoch FROM newest_first[cap] + interval '1 hour' - now())))::integer
    END
$$;

-- Stores a proposal: idempotency, the per-person cap, the insert with its topics, and the
-- stored response, all in the caller's one transaction (one statement).
CREATE FUNCTION kenes.proposal_submit(
    p_consultation text, p_kind text, p_number integer, p_stance text, p_text text,
    p_wording text, p_lang text, p_region text, p_channel text, p_topics text[],
    p_submitter bytea, p_key text, p_hash bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    result kenes.outcome;
    target record;
    new_id bigint;
    wait integer;
BEGIN
    result := kenes.idempotency_begin('proposal', p_key, p_hash);
    IF result.status IS NOT NULL THEN  -- (a composite IS NOT NULL only when every field is)
        RETURN result;
    END IF;
    IF p_submitter IS NOT NULL THEN
        wait := kenes.retry_after(ARRAY(
            SELECT created_at FROM kenes.proposal
            WHERE submitter = p_submitter AND created_at > now() - interval '1 hour'
            ORDER BY created_at DESC LIMIT p_per_hour), p_per_hour);
        IF wait IS NOT NULL THEN
            RETURN ROW(429, 'rate_limited', NULL, wait)::kenes.outcome;
        END IF;
    END IF;
    SELECT c.id AS consultation_id, v.id AS version_id, p.id AS part_id INTO target
    FROM kenes.consultation c
    JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
    JOIN kenes.part p ON p.version_id = v.id AND p.kind = p_kind
                     AND p.number IS NOT DISTINCT FROM p_number
    WHERE c.slug = p_consultation;
    IF NOT FOUND THEN
        RETURN ROW(422, 'unknown_target', NULL, NULL)::kenes.outcome;
    END IF;
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text,
                                proposed_wording, lang, region, channel, submitter)
    VALUES (target.consultation_id, target.version_id, target.part_id, p_stance, p_text,
            p_wording, p_lang, p_region, p_channel, p_submitter)
    RETURNING id INTO new_id;
    INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
    SELECT new_id, t.id FROM kenes.topic t
    WHERE t.consultation_id = target.consultation_id AND t.slug = ANY (p_topics);
    result := ROW(201, 'created', (SELECT kenes.proposal_json_by_id(new_id))::text, NULL);
    RETURN kenes.idempotency_end('proposal', p_key, p_hash, result);
END
$$;

-- A proposal as the API shows it, by id (any status).
CREATE FUNCTION kenes.proposal_json_by_id(p_id bigint) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.proposal_json(p.id, p.consultation_id, p.version_id, p.part_id, p.stance, p.text,
                               p.proposed_wording, p.lang, p.region, p.channel, p.status,
                               p.created_at)
           || jsonb_build_object('supports', p.support_count)
    FROM kenes.proposal p WHERE p.id = p_id
$$;

-- Records a person's support: 201 the first time, 200 when they already support it.
CREATE FUNCTION kenes.support_add(p_proposal bigint, p_supporter bytea, p_key text,
                                  p_hash bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    result kenes.outcome;
    open boolean;
    wait integer;
    inserted boolean;
    scope text := 'support:' || p_proposal;
BEGIN
    result := kenes.idempotency_begin(scope, p_key, p_hash);
    IF result.status IS NOT NULL THEN  -- (a composite IS NOT NULL only when every field is)
        RETURN result;
    END IF;
    SELECT c.status = 'open' AND c.opens_at <= now() AND (c.closes_at IS NULL OR c.closes_at > now())
    INTO open
    FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
    WHERE p.id = p_proposal AND p.status = 'published';
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    IF NOT open THEN
        RETURN ROW(409, 'consultation_closed', NULL, NULL)::kenes.outcome;
    END IF;
    wait := kenes.retry_after(ARRAY(
        SELECT created_at FROM kenes.support
        WHERE supporter = p_supporter AND created_at > now() - interval '1 hour'
        ORDER BY created_at DESC LIMIT p_per_hour), p_per_hour);
    IF wait IS NOT NULL THEN
        RETURN ROW(429, 'rate_limited', NULL, wait)::kenes.outcome;
    END IF;
    INSERT INTO kenes.support (proposal_id, supporter) VALUES (p_proposal, p_supporter)
    ON CONFLICT DO NOTHING;
    inserted := FOUND;
    result := ROW(CASE WHEN inserted THEN 201 ELSE 200 END,
                  CASE WHEN inserted THEN 'created' ELSE 'already_supported' END,
                  jsonb_build_object('proposal', p_proposal, 'supported', true,
                                     'supports', (SELECT support_count FROM kenes.proposal
                                                  WHERE id = p_proposal))::text, NULL);
    RETURN kenes.idempotency_end(scope, p_key, p_hash, result);
END
$$;

-- Withdraws a person's support (200 whether or not there was one to withdraw).
CREATE FUNCTION kenes.support_withdraw(p_proposal bigint, p_supporter bytea)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    open boolean;
    removed boolean;
BEGIN
    SELECT c.status = 'open' AND c.opens_at <= now() AND (c.closes_at IS NULL OR c.closes_at > now())
    INTO open
    FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
    WHERE p.id = p_proposal AND p.status = 'published';
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    IF NOT open THEN
        RETURN ROW(409, 'consultation_closed', NULL, NULL)::kenes.outcome;
    END IF;
    DELETE FROM kenes.support WHERE proposal_id = p_proposal AND supporter = p_supporter;
    removed := FOUND;
    RETURN ROW(200, CASE WHEN removed THEN 'withdrawn' ELSE 'not_supported' END,
               jsonb_build_object('proposal', p_proposal, 'supported', false,
                                  'supports', (SELECT support_count FROM kenes.proposal
                                               WHERE id = p_proposal))::text, NULL)::kenes.outcome;
END
$$;

-- Keys older than a day are of no use; the handler calls this now and then.
CREATE FUNCTION kenes.idempotency_expire() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH gone AS (DELETE FROM kenes.idempotency WHERE created_at < now() - interval '24 hours' RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

-- The consultation loader learns the identity policy ("identity" in the data file).
ALTER FUNCTION kenes.consultation_load(jsonb) RENAME TO consultation_load_structure;
CREATE FUNCTION kenes.consultation_load(doc jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    cid integer := kenes.consultation_load_structure(doc);
BEGIN
    UPDATE kenes.consultation SET
        identity_policy = coalesce(doc#>>'{identity,policy}', identity_policy),
        proposals_require_identity = coalesce((doc#>>'{identity,proposals_require_identity}')::boolean,
                                              proposals_require_identity)
    WHERE id = cid;
    RETURN cid;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        -- Writes go through the functions above; the handler inserts nothing directly.
        REVOKE INSERT ON kenes.proposal, kenes.proposal_topic FROM kenes_handler;
        GRANT SELECT (support_count) ON kenes.proposal TO kenes_handler;
    END IF;
END
$$;
-- Functions are executable by PUBLIC by default; the writing ones only by the handler.
REVOKE EXECUTE ON FUNCTION kenes.proposal_submit, kenes.support_add, kenes.support_withdraw,
    kenes.idempotency_expire FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT EXECUTE ON FUNCTION kenes.proposal_submit, kenes.support_add,
            kenes.support_withdraw, kenes.idempotency_expire TO kenes_handler;
    END IF;
END
$$;
