-- Stores an answer under 300 for its idempotency key (the replay of idempotency_begin) and
-- returns it.
CREATE OR REPLACE FUNCTION kenes.idempotency_end(p_scope text, p_key text, p_hash bytea, result kenes.outcome)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_key IS NOT NULL AND result.status < 300 THEN
        INSERT INTO kenes.idempotency (scope, key, request_hash, status, body)
        VALUES (p_scope, p_key, p_hash, result.status, result.body);
    END IF;
    RETURN result;
END
$$;
