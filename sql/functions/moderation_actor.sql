-- The live token with this SHA-256 (no SSO subject); all fields NULL when there is none.
CREATE OR REPLACE FUNCTION kenes.moderation_actor(p_sha256 bytea) RETURNS kenes.moderation_actor_t
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT ROW(t.id, t.name, t.role, NULL)::kenes.moderation_actor_t FROM kenes.staff_token t
    WHERE t.token_sha256 = p_sha256 AND t.revoked_at IS NULL
$$;
