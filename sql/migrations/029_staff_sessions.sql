-- 029: the staff workspace's sessions (docs/STAFF.md). A person signs in at /staff/sign-in
-- with a bearer token (012); the handler makes a random session id, puts it in a cookie and
-- gives the database only its SHA-256. A session lives while its token does (a revoked token
-- ends every session of it at once), for an idle timeout and an absolute lifetime the
-- handler passes (staff_idle_timeout, staff_session_lifetime). Sign-ins, failures and
-- sign-outs are appended to kenes.staff_audit, without the token; the handler's role reaches
-- both tables only through the SECURITY DEFINER functions (sql/functions/staff_session_*).

CREATE TABLE kenes.staff_session (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_sha256  bytea NOT NULL UNIQUE CHECK (octet_length(session_sha256) = 32),
    token_id        integer NOT NULL REFERENCES kenes.staff_token,
    role            text NOT NULL CHECK (role IN ('staff', 'analyst', 'moderator')),
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_seen_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    ended_at        timestamptz
);
CREATE INDEX staff_session_token ON kenes.staff_session (token_id);

CREATE TABLE kenes.staff_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    event       text NOT NULL CHECK (event IN ('sign_in', 'sign_in_failed', 'sign_out')),
    session_id  bigint REFERENCES kenes.staff_session,
    token_id    integer REFERENCES kenes.staff_token,
    role        text,
    address     text NOT NULL,
    CHECK ((event = 'sign_in_failed') = (session_id IS NULL))
);
-- The failures of one address in the last minute (staff_session_open's throttle).
CREATE INDEX staff_audit_failures ON kenes.staff_audit (address, at) WHERE event = 'sign_in_failed';

-- Signs a person in with a bearer token (sql/migrations/029): the role of the live token whose
-- SHA-256 is p_token, with a new session stored under p_session (the SHA-256 of the cookie's
-- value), or 'invalid' for an unknown or revoked token, or 'throttled' when this address
-- failed more than p_failures times in the last minute (nothing is then checked or stored).
-- Every outcome but 'throttled' is appended to kenes.staff_audit; the token is not.
CREATE OR REPLACE FUNCTION kenes.staff_session_open(p_session bytea, p_token bytea, p_address text,
                                                    p_failures integer)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t record;
    v_session bigint;
BEGIN
    IF (SELECT count(*) FROM kenes.staff_audit a
        WHERE a.event = 'sign_in_failed' AND a.address = p_address
          AND a.at > clock_timestamp() - interval '1 minute') >= p_failures THEN
        RETURN 'throttled';
    END IF;
    SELECT k.id, k.role INTO t FROM kenes.staff_token k
    WHERE k.token_sha256 = p_token AND k.revoked_at IS NULL;
    IF NOT FOUND THEN
        INSERT INTO kenes.staff_audit (event, address) VALUES ('sign_in_failed', p_address);
        RETURN 'invalid';
    END IF;
    INSERT INTO kenes.staff_session (session_sha256, token_id, role)
    VALUES (p_session, t.id, t.role) RETURNING id INTO v_session;
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, address)
    VALUES ('sign_in', v_session, t.id, t.role, p_address);
    RETURN t.role;
END
$$;

-- The role of a live session by the SHA-256 of its cookie, or no row: ended, idle longer than
-- p_idle seconds, older than p_lifetime seconds, or its token revoked (which ends it at once,
-- whatever the timeouts say). A live session's last use is moved to now.
CREATE OR REPLACE FUNCTION kenes.staff_session_check(p_session bytea, p_idle integer, p_lifetime integer)
RETURNS TABLE (role text, actor text)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    UPDATE kenes.staff_session s SET last_seen_at = clock_timestamp()
    FROM kenes.staff_token t
    WHERE s.session_sha256 = p_session AND t.id = s.token_id AND t.revoked_at IS NULL
      AND s.ended_at IS NULL
      AND s.last_seen_at > clock_timestamp() - make_interval(secs => p_idle)
      AND s.created_at > clock_timestamp() - make_interval(secs => p_lifetime)
    RETURNING s.role, t.name
$$;

-- Signs out: ends the session stored under p_session (the SHA-256 of its cookie) and appends
-- 'sign_out' to kenes.staff_audit. False when there was no open session.
CREATE OR REPLACE FUNCTION kenes.staff_session_close(p_session bytea, p_address text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s record;
BEGIN
    UPDATE kenes.staff_session SET ended_at = clock_timestamp()
    WHERE session_sha256 = p_session AND ended_at IS NULL
    RETURNING id, token_id, role INTO s;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO kenes.staff_audit (event, session_id, token_id, role, address)
    VALUES ('sign_out', s.id, s.token_id, s.role, p_address);
    RETURN true;
END
$$;

-- How many changes wait in the tallies' queue for the next `kenes-aggregator refresh`: the
-- dashboard's "queued changes". SECURITY DEFINER: the handler's role cannot read the queue.
CREATE OR REPLACE FUNCTION kenes.staff_tally_queued() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT count(*) FROM kenes.tally_change
$$;

REVOKE ALL ON kenes.staff_session, kenes.staff_audit FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION kenes.staff_session_open, kenes.staff_session_check,
    kenes.staff_session_close, kenes.staff_tally_queued FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT EXECUTE ON FUNCTION kenes.staff_session_open, kenes.staff_session_check,
              kenes.staff_session_close, kenes.staff_tally_queued TO kenes_handler;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT ON kenes.staff_audit TO kenes_aggregator;
    END IF;
END
$$;

-- The staff proposal search (/staff/proposals, sql/queries/staff_proposal_search.sql):
-- full-text search with each language's configuration. PostgreSQL has no Kazakh stemmer:
-- Kazakh texts get the `simple` configuration (whole words) and trigram similarity
-- (pg_trgm, trusted, so the database owner may create it) for inflected forms.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX proposal_fts_ru ON kenes.proposal USING gin (to_tsvector('russian'::regconfig, text)) WHERE lang = 'ru';
CREATE INDEX proposal_fts_en ON kenes.proposal USING gin (to_tsvector('english'::regconfig, text)) WHERE lang = 'en';
CREATE INDEX proposal_fts_kk ON kenes.proposal USING gin (to_tsvector('simple'::regconfig, text)) WHERE lang = 'kk';
CREATE INDEX proposal_trgm_kk ON kenes.proposal USING gin (text public.gin_trgm_ops) WHERE lang = 'kk';
