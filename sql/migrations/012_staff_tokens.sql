-- 012: bearer tokens for the staff and analyst APIs.
--
-- `kenes-aggregator token create` prints a token once ("kns_" and 43 base64url characters,
-- 256 random bits); only its SHA-256 is stored. The handler hashes what a client presents
-- and asks kenes.staff_token_role, which answers the role of a live token or NULL: the
-- handler's role cannot list tokens or read their hashes.

CREATE TABLE kenes.staff_token (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    role          text NOT NULL CHECK (role IN ('staff', 'analyst', 'moderator')),
    token_sha256  bytea NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
    hint          text NOT NULL CHECK (hint ~ '^kns_[A-Za-z0-9_-]{4}$'),  -- to recognise it in lists
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL DEFAULT session_user,
    revoked_at    timestamptz
);

CREATE FUNCTION kenes.staff_token_role(p_sha256 bytea) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.role FROM kenes.staff_token t
    WHERE t.token_sha256 = p_sha256 AND t.revoked_at IS NULL
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_token_role FROM PUBLIC;
