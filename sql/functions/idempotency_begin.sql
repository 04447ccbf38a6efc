-- Takes the idempotency key for this transaction. Returns NULL when the caller should go
-- on and do the work, or the outcome to answer with (a replay, 409 or 422).
CREATE OR REPLACE FUNCTION kenes.idempotency_begin(p_scope text, p_key text, p_hash bytea)
RETURNS kenes.outcome
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    prior kenes.idempotency;
BEGIN
    IF p_key IS NULL THEN
        RETURN NULL;
    END IF;
    -- A transaction holding this key has not committed yet: the first request is in flight.
    IF NOT pg_try_advisory_xact_lock(hashtextextended(p_scope || E'\n' || p_key, 7305526)) THEN
        RETURN ROW(409, 'request_in_flight', NULL, 1)::kenes.outcome;
    END IF;
    SELECT * INTO prior FROM kenes.idempotency
    WHERE scope = p_scope AND key = p_key AND created_at > now() - interval '24 hours';
    IF NOT FOUND THEN
        DELETE FROM kenes.idempotency WHERE scope = p_scope AND key = p_key;
        RETURN NULL;
    END IF;
    IF prior.request_hash <> p_hash THEN
        RETURN ROW(422, 'idempotency_key_reused', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN ROW(prior.status, 'replay', prior.body, NULL)::kenes.outcome;
END
$$;
