-- Whom a staff workspace action acts as, for the session stored under p_session (the SHA-256
-- of its cookie): the open session whose token is not revoked, with the token's role. All
-- fields NULL when there is none (kenes.staff_actor_refusal then answers 401). Only for the
-- SECURITY DEFINER staff_* functions: no grant. Its name sorts before theirs, so it exists
-- when sql/migrate creates them (a SQL function's body is checked then).
CREATE OR REPLACE FUNCTION kenes.staff_actor_session(p_session bytea) RETURNS kenes.staff_actor_t
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT ROW(x.id, x.token_id, x.role, NULL)::kenes.staff_actor_t
    FROM kenes.staff_session x JOIN kenes.staff_token t ON t.id = x.token_id
    WHERE x.session_sha256 = p_session AND x.ended_at IS NULL AND t.revoked_at IS NULL
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_actor_session FROM PUBLIC;
