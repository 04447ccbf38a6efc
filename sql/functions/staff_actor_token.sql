-- The SHA-256 of the token that opened a staff workspace session (by the SHA-256 of its
-- cookie), or NULL when the session is not open or its token is revoked: whom the staff_*
-- actions act as. Only for those SECURITY DEFINER functions (the handler's role never sees a
-- token): no grant. Its name sorts before theirs, so it exists when sql/migrate creates them
-- (a SQL function's body is checked then).
CREATE OR REPLACE FUNCTION kenes.staff_actor_token(p_session bytea) RETURNS bytea
LANGUAGE sql STABLE AS $$
    SELECT t.token_sha256
    FROM kenes.staff_session s JOIN kenes.staff_token t ON t.id = s.token_id
    WHERE s.session_sha256 = p_session AND s.ended_at IS NULL AND t.revoked_at IS NULL
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_actor_token FROM PUBLIC;
