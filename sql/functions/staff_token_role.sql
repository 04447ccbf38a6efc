-- The role of a live bearer token by its SHA-256, or NULL: the handler's role cannot list
-- tokens or read their hashes.
CREATE OR REPLACE FUNCTION kenes.staff_token_role(p_sha256 bytea) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.role FROM kenes.staff_token t
    WHERE t.token_sha256 = p_sha256 AND t.revoked_at IS NULL
$$;
