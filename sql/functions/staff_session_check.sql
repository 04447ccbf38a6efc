-- The role of a live session by the SHA-256 of its cookie, or no row: ended, idle longer than
-- p_idle seconds, older than p_lifetime seconds, or its token revoked (which ends it at once,
-- whatever the timeouts say). A live session's last use is moved to now when it is a minute
-- old or more: written on every request, the row's lock made a session's concurrent
-- requests wait for each other's commits (7 ms a page at 16 at once). One request moves it;
-- the others of that moment skip the row it holds (SKIP LOCKED) instead of waiting for its
-- commit and then writing it again each, one after the other. So the idle timeout counts
-- from a last use up to a minute early.
CREATE OR REPLACE FUNCTION kenes.staff_session_check(p_session bytea, p_idle integer, p_lifetime integer)
RETURNS TABLE (role text, actor text)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH live AS (
        SELECT s.session_sha256, s.role, t.name, s.last_seen_at
        FROM kenes.staff_session s JOIN kenes.staff_token t ON t.id = s.token_id
        WHERE s.session_sha256 = p_session AND t.revoked_at IS NULL AND s.ended_at IS NULL
          AND s.last_seen_at > clock_timestamp() - make_interval(secs => p_idle)
          AND s.created_at > clock_timestamp() - make_interval(secs => p_lifetime)),
    seen AS (
        UPDATE kenes.staff_session s SET last_seen_at = clock_timestamp()
        WHERE s.session_sha256 = (SELECT x.session_sha256 FROM kenes.staff_session x
                                  WHERE x.session_sha256 = (SELECT l.session_sha256 FROM live l)
                                    AND x.last_seen_at < clock_timestamp() - interval '1 minute'
                                  FOR UPDATE SKIP LOCKED))
    SELECT l.role, l.name FROM live l
$$;
