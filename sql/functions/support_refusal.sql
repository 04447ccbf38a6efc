-- 404 as an outcome when p_proposal is not a published proposal, 409 when its consultation
-- is not open now; NULL when a person may support it or withdraw a support
-- (kenes.support_add, kenes.support_withdraw).
CREATE OR REPLACE FUNCTION kenes.support_refusal(p_proposal bigint) RETURNS kenes.outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    open boolean;
BEGIN
    SELECT c.status = 'open' AND c.opens_at <= now() AND (c.closes_at IS NULL OR c.closes_at > now())
    INTO open
    FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
    WHERE p.id = p_proposal AND p.status = 'published';
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    ELSIF NOT open THEN
        RETURN ROW(409, 'consultation_closed', NULL, NULL)::kenes.outcome;
    END IF;
    RETURN NULL;
END
$$;
