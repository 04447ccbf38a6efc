-- 015: moderation. Moderators (bearer tokens of role 'moderator', sql/migrations/012) hide
-- and show proposals again, mark one as a duplicate of another, and resolve the flags people
-- raise on proposals filed in their name. Every action that changes something is appended
-- to kenes.moderation_log, which nobody may change or delete.
--
-- A hidden proposal stays stored with status 'hidden': the public queries show published
-- proposals only, and the tallies' change queue (010's trigger on status) takes it and its
-- supports out on the next refresh, and puts them back when it is shown again.
--
-- The handler's role writes only through the SECURITY DEFINER functions below. Each of
-- them is given the SHA-256 of the bearer token the client presented and looks the token
-- up itself, so the log says who acted from the token table, not from what the caller says.

-- Why a proposal is hidden, while it is: one row per proposal hidden by moderation.
--   via 'proposal'   hidden on its own
--   via 'duplicate'  a duplicate of duplicate_of
--   via 'campaign'   hidden with its whole campaign (sql/migrations/018); showing the
--                    campaign again shows only these
CREATE TABLE kenes.moderation_state (
    proposal_id   bigint PRIMARY KEY REFERENCES kenes.proposal,
    via           text NOT NULL CHECK (via IN ('proposal', 'duplicate', 'campaign')),
    duplicate_of  bigint REFERENCES kenes.proposal,
    campaign_id   bigint,
    log_id        bigint NOT NULL,
    CHECK ((via = 'duplicate') = (duplicate_of IS NOT NULL)),
    CHECK ((via = 'campaign') = (campaign_id IS NOT NULL)),
    CHECK (duplicate_of IS DISTINCT FROM proposal_id)
);
CREATE INDEX moderation_state_original ON kenes.moderation_state (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX moderation_state_campaign ON kenes.moderation_state (campaign_id) WHERE campaign_id IS NOT NULL;

-- The audit log: who (the token, and its name and role when it acted), when, what, why.
CREATE TABLE kenes.moderation_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    token_id      integer NOT NULL REFERENCES kenes.staff_token,
    actor         text NOT NULL,
    role          text NOT NULL,
    action        text NOT NULL CHECK (action IN ('hide', 'unhide', 'duplicate', 'campaign_hide',
                                                  'campaign_unhide', 'flag_resolve')),
    proposal_id   bigint,
    campaign_id   bigint,
    duplicate_of  bigint,
    flag_id       bigint,
    decision      text CHECK (decision IN ('hide', 'keep')),
    affected      integer NOT NULL CHECK (affected >= 0),  -- proposals whose status changed
    reason        text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
    CHECK ((action = 'flag_resolve') = (flag_id IS NOT NULL AND decision IS NOT NULL)),
    CHECK ((action LIKE 'campaign_%') = (campaign_id IS NOT NULL)),
    CHECK ((action = 'duplicate') = (duplicate_of IS NOT NULL))
);
CREATE INDEX moderation_log_at ON kenes.moderation_log (at);
CREATE INDEX moderation_log_proposal ON kenes.moderation_log (proposal_id) WHERE proposal_id IS NOT NULL;

-- Append-only for everyone, the owner included (only disabling the trigger, which takes the
-- owner and shows in the server log with log_statement = 'ddl', gets around it).
CREATE FUNCTION kenes.append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'moderation is undone by a new action (unhide), never by editing the log';
END
$$;
CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE ON kenes.moderation_log
    FOR EACH ROW EXECUTE FUNCTION kenes.append_only();
CREATE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE ON kenes.moderation_log
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.append_only();

-- Flags raised by people who say a proposal was filed in their name (and it was: only the
-- person whose pseudonym is the proposal's submitter can raise one). At most one open flag
-- per proposal; a moderator resolves it (kenes.moderation_resolve_flag).
CREATE TABLE kenes.identity_flag (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id  bigint NOT NULL REFERENCES kenes.proposal,
    channel      text NOT NULL CHECK (channel IN ('web', 'api')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    decision     text CHECK (decision IN ('hide', 'keep')),
    log_id       bigint,
    CHECK ((resolved_at IS NULL) = (decision IS NULL) AND (resolved_at IS NULL) = (log_id IS NULL))
);
CREATE UNIQUE INDEX identity_flag_open ON kenes.identity_flag (proposal_id) WHERE resolved_at IS NULL;

-- Attempts to report, kept an hour to cap them per person: each one tells the person whether
-- a proposal was filed with their identity, so they are counted whatever the answer.
CREATE TABLE kenes.identity_report_attempt (
    reporter  bytea NOT NULL CHECK (octet_length(reporter) = 32),
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_report_attempt_reporter ON kenes.identity_report_attempt (reporter, at);
CREATE INDEX identity_report_attempt_at ON kenes.identity_report_attempt (at);

-- Who acts: a live token's id, name and role.
CREATE TYPE kenes.moderation_actor_t AS (token_id integer, name text, role text);

-- The live token with this SHA-256; all fields NULL when there is none.
CREATE FUNCTION kenes.moderation_actor(p_sha256 bytea) RETURNS kenes.moderation_actor_t
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT ROW(t.id, t.name, t.role)::kenes.moderation_actor_t FROM kenes.staff_token t
    WHERE t.token_sha256 = p_sha256 AND t.revoked_at IS NULL
$$;

-- 401/403 as an outcome when the token may not moderate; NULL when it may.
CREATE FUNCTION kenes.moderation_refusal(actor kenes.moderation_actor_t) RETURNS kenes.outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF actor.token_id IS NULL THEN
        RETURN ROW(401, 'invalid_token', NULL, NULL)::kenes.outcome;
    ELSIF actor.role <> 'moderator' THEN
        RETURN ROW(403, 'forbidden', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION kenes.moderation_append(actor kenes.moderation_actor_t, p_action text, p_proposal bigint,
                                        p_campaign bigint, p_duplicate_of bigint, p_flag bigint,
                                        p_decision text, p_affected integer, p_reason text)
RETURNS bigint
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO kenes.moderation_log (token_id, actor, role, action, proposal_id, campaign_id,
                                      duplicate_of, flag_id, decision, affected, reason)
    VALUES ((actor).token_id, (actor).name, (actor).role, p_action, p_proposal, p_campaign,
            p_duplicate_of, p_flag, p_decision, p_affected, p_reason)
    RETURNING id
$$;

-- Sets a proposal's status; true when it changed.
CREATE FUNCTION kenes.moderation_set_status(p_proposal bigint, p_status text) RETURNS boolean
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    WITH changed AS (
        UPDATE kenes.proposal SET status = p_status
        WHERE id = p_proposal AND status <> p_status RETURNING 1)
    SELECT count(*) = 1 FROM changed
$$;

-- Checks the original a duplicate is to point to; NULL when it will do, else a 422.
CREATE FUNCTION kenes.moderation_original_refusal(p_proposal bigint, p_consultation integer,
                                                  p_original bigint)
RETURNS kenes.outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_original IS NULL THEN
        RETURN ROW(422, 'required', 'of', NULL)::kenes.outcome;
    ELSIF p_original = p_proposal THEN
        RETURN ROW(422, 'self_duplicate', 'of', NULL)::kenes.outcome;
    ELSIF NOT EXISTS (SELECT FROM kenes.proposal WHERE id = p_original
                      AND consultation_id = p_consultation) THEN
        RETURN ROW(422, 'unknown_original', 'of', NULL)::kenes.outcome;
    ELSIF EXISTS (SELECT FROM kenes.moderation_state WHERE proposal_id = p_original
                  AND via = 'duplicate') THEN
        RETURN ROW(422, 'original_is_duplicate', 'of', NULL)::kenes.outcome;
    ELSIF EXISTS (SELECT FROM kenes.moderation_state WHERE duplicate_of = p_proposal) THEN
        RETURN ROW(422, 'has_duplicates', 'of', NULL)::kenes.outcome;
    END IF;
    RETURN NULL;
END
$$;

-- Hides ('hide'), shows again ('unhide') or marks as a duplicate ('duplicate', of
-- p_duplicate_of) one proposal, and logs it when something changed. 200 either way, with
-- "changed"; 401/403 for the token, 404 for an unknown proposal, 422 for a bad original
-- (the outcome's body then names the field). Repeating an action changes nothing.
CREATE FUNCTION kenes.moderate_proposal(p_token bytea, p_action text, p_proposal bigint,
                                        p_reason text, p_duplicate_of bigint)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    actor kenes.moderation_actor_t;
    refusal kenes.outcome;
    p record;
    st kenes.moderation_state;
    changed boolean := false;
    affected integer := 0;
    v_log bigint;
BEGIN
    actor := kenes.moderation_actor(p_token);
    refusal := kenes.moderation_refusal(actor);
    IF refusal.status IS NOT NULL THEN
        RETURN refusal;
    END IF;
    IF p_action NOT IN ('hide', 'unhide', 'duplicate') THEN
        RAISE EXCEPTION 'unknown moderation action %', p_action;
    END IF;
    SELECT id, consultation_id, status INTO p FROM kenes.proposal WHERE id = p_proposal FOR UPDATE;
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    SELECT * INTO st FROM kenes.moderation_state WHERE proposal_id = p_proposal;
    IF p_action = 'duplicate' THEN
        refusal := kenes.moderation_original_refusal(p_proposal, p.consultation_id, p_duplicate_of);
        IF refusal.status IS NOT NULL THEN
            RETURN refusal;
        END IF;
        changed := st.duplicate_of IS DISTINCT FROM p_duplicate_of OR p.status <> 'hidden';
    ELSIF p_action = 'hide' THEN
        -- Hidden already (on its own or as a duplicate): nothing to do. Hidden with its
        -- campaign: pinned, so that showing the campaign again leaves it hidden.
        changed := p.status <> 'hidden' OR st.via = 'campaign';
    ELSE
        changed := p.status <> 'published';
    END IF;
    IF changed THEN
        affected := kenes.moderation_set_status(p_proposal,
                        CASE WHEN p_action = 'unhide' THEN 'published' ELSE 'hidden' END)::integer;
        v_log := kenes.moderation_append(actor, p_action, p_proposal, NULL,
                      CASE WHEN p_action = 'duplicate' THEN p_duplicate_of END, NULL, NULL,
                      affected, p_reason);
        DELETE FROM kenes.moderation_state WHERE proposal_id = p_proposal;
        IF p_action <> 'unhide' THEN
            INSERT INTO kenes.moderation_state (proposal_id, via, duplicate_of, log_id)
            VALUES (p_proposal, CASE WHEN p_action = 'duplicate' THEN 'duplicate' ELSE 'proposal' END,
                    CASE WHEN p_action = 'duplicate' THEN p_duplicate_of END, v_log);
        END IF;
    END IF;
    RETURN ROW(200, CASE WHEN changed THEN 'changed' ELSE 'unchanged' END,
               (kenes.moderation_proposal_json(p_proposal)
                   || jsonb_build_object('action', p_action, 'changed', changed, 'log_id', v_log))::text,
               NULL)::kenes.outcome;
END
$$;

-- What moderators see of a proposal: its public JSON, its status and why it is hidden.
CREATE FUNCTION kenes.moderation_proposal_json(p_proposal bigint) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT jsonb_build_object('proposal', p.id, 'status', p.status,
                              'hidden_as', s.via, 'duplicate_of', s.duplicate_of,
                              'campaign', s.campaign_id)
    FROM kenes.proposal p LEFT JOIN kenes.moderation_state s ON s.proposal_id = p.id
    WHERE p.id = p_proposal
$$;

-- A person reports that a proposal was filed in their name. Only the person whose
-- pseudonym is the proposal's submitter may: anyone else (or anyone, for an anonymous
-- proposal) gets the same 403, which says nothing of who filed it. 201 with a new flag,
-- 200 when one is open already; 404 for a proposal that is not published; 429 past
-- p_per_hour attempts by the person in an hour (attempts count whatever their answer).
CREATE FUNCTION kenes.identity_report(p_proposal bigint, p_person bytea, p_channel text,
                                      p_key text, p_hash bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    result kenes.outcome;
    scope text := 'identity-report:' || p_proposal;
    submitter bytea;
    flag_id bigint;
    created boolean := false;
    wait integer;
BEGIN
    result := kenes.idempotency_begin(scope, p_key, p_hash);
    IF result.status IS NOT NULL THEN
        RETURN result;
    END IF;
    SELECT p.submitter INTO submitter FROM kenes.proposal p
    WHERE p.id = p_proposal AND p.status = 'published';
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    DELETE FROM kenes.identity_report_attempt WHERE at < now() - interval '1 hour';
    wait := kenes.retry_after(ARRAY(
        SELECT at FROM kenes.identity_report_attempt
        WHERE reporter = p_person AND at > now() - interval '1 hour'
        ORDER BY at DESC LIMIT p_per_hour), p_per_hour);
    IF wait IS NOT NULL THEN
        RETURN ROW(429, 'rate_limited', NULL, wait)::kenes.outcome;
    END IF;
    INSERT INTO kenes.identity_report_attempt (reporter) VALUES (p_person);
    IF submitter IS DISTINCT FROM p_person THEN
        RETURN ROW(403, 'not_filed_in_your_name', NULL, NULL)::kenes.outcome;
    END IF;
    SELECT f.id INTO flag_id FROM kenes.identity_flag f
    WHERE f.proposal_id = p_proposal AND f.resolved_at IS NULL;
    IF NOT FOUND THEN
        INSERT INTO kenes.identity_flag (proposal_id, channel) VALUES (p_proposal, p_channel)
        ON CONFLICT DO NOTHING RETURNING id INTO flag_id;
        created := flag_id IS NOT NULL;
        IF NOT created THEN  -- raised at the same moment by another request
            SELECT f.id INTO flag_id FROM kenes.identity_flag f
            WHERE f.proposal_id = p_proposal AND f.resolved_at IS NULL;
        END IF;
    END IF;
    result := ROW(CASE WHEN created THEN 201 ELSE 200 END,
                  CASE WHEN created THEN 'created' ELSE 'already_reported' END,
                  jsonb_build_object('proposal', p_proposal, 'flag', flag_id, 'reported', true)::text,
                  NULL);
    RETURN kenes.idempotency_end(scope, p_key, p_hash, result);
END
$$;

-- Resolves an open flag: 'hide' hides the proposal (pinned, as a moderator's hide), 'keep'
-- leaves it. Logged as one 'flag_resolve' entry. A flag resolved already: 200, unchanged.
CREATE FUNCTION kenes.moderation_resolve_flag(p_token bytea, p_flag bigint, p_decision text,
                                              p_reason text)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    actor kenes.moderation_actor_t;
    refusal kenes.outcome;
    f kenes.identity_flag;
    affected integer := 0;
    v_log bigint;
BEGIN
    actor := kenes.moderation_actor(p_token);
    refusal := kenes.moderation_refusal(actor);
    IF refusal.status IS NOT NULL THEN
        RETURN refusal;
    END IF;
    SELECT * INTO f FROM kenes.identity_flag WHERE id = p_flag FOR UPDATE;
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    IF f.resolved_at IS NULL THEN
        PERFORM FROM kenes.proposal WHERE id = f.proposal_id FOR UPDATE;
        IF p_decision = 'hide' THEN
            affected := kenes.moderation_set_status(f.proposal_id, 'hidden')::integer;
        END IF;
        v_log := kenes.moderation_append(actor, 'flag_resolve', f.proposal_id, NULL, NULL, f.id,
                                          p_decision, affected, p_reason);
        IF p_decision = 'hide' AND NOT EXISTS (SELECT FROM kenes.moderation_state s
                                               WHERE s.proposal_id = f.proposal_id
                                                 AND s.via IN ('proposal', 'duplicate')) THEN
            DELETE FROM kenes.moderation_state WHERE proposal_id = f.proposal_id;
            INSERT INTO kenes.moderation_state (proposal_id, via, log_id)
            VALUES (f.proposal_id, 'proposal', v_log);
        END IF;
        UPDATE kenes.identity_flag SET resolved_at = now(), decision = p_decision, log_id = v_log
        WHERE id = p_flag
        RETURNING * INTO f;
    END IF;
    RETURN ROW(200, CASE WHEN v_log IS NULL THEN 'unchanged' ELSE 'changed' END,
               (kenes.moderation_proposal_json(f.proposal_id)
                   || jsonb_build_object('flag', f.id, 'decision', f.decision,
                                         'resolved_at', f.resolved_at,
                                         'changed', v_log IS NOT NULL, 'log_id', v_log))::text,
               NULL)::kenes.outcome;
END
$$;

-- Who may do what. Nobody but the owner holds anything on these tables directly except
-- what is granted here; the handler appends to the log only through the functions above.
REVOKE ALL ON kenes.moderation_log, kenes.moderation_state, kenes.identity_flag,
    kenes.identity_report_attempt FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION kenes.moderation_actor, kenes.moderation_refusal,
    kenes.moderation_append, kenes.moderation_set_status, kenes.moderation_original_refusal,
    kenes.moderate_proposal, kenes.moderation_proposal_json, kenes.identity_report,
    kenes.moderation_resolve_flag, kenes.append_only FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        -- Reads for the staff exports and the flag list; no pseudonym is in these tables.
        GRANT SELECT ON kenes.moderation_log, kenes.identity_flag, kenes.moderation_state
              TO kenes_handler;
        GRANT EXECUTE ON FUNCTION kenes.moderate_proposal, kenes.identity_report,
              kenes.moderation_resolve_flag, kenes.moderation_proposal_json TO kenes_handler;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT ON kenes.moderation_log, kenes.moderation_state TO kenes_aggregator;
    END IF;
END
$$;
