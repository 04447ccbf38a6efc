-- The open session stored under p_session (the SHA-256 of its cookie) whose token is not
-- revoked: whom a staff workspace action is logged as in kenes.staff_audit. All fields NULL
-- when there is none (the callers answer 401 'invalid_session'). Only for those SECURITY
-- DEFINER functions: no grant. Its name sorts before theirs, so it exists when sql/migrate
-- creates them.
CREATE OR REPLACE FUNCTION kenes.staff_live_session(p_session bytea) RETURNS kenes.staff_session
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT x.* FROM kenes.staff_session x JOIN kenes.staff_token t ON t.id = x.token_id
    WHERE x.session_sha256 = p_session AND x.ended_at IS NULL AND t.revoked_at IS NULL
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_live_session FROM PUBLIC;
