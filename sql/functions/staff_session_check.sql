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
