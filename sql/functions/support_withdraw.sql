-- Withdraws a person's support (200 whether or not there was one to withdraw).
CREATE OR REPLACE FUNCTION kenes.support_withdraw(p_proposal bigint, p_supporter bytea)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    open boolean;
    removed boolean;
BEGIN
    SELECT c.status = 'open' AND c.opens_at <= now() AND (c.closes_at IS NULL OR c.closes_at > now())
    INTO open
    FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
    WHERE p.id = p_proposal AND p.status = 'published';
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    IF NOT open THEN
        RETURN ROW(409, 'consultation_closed', NULL, NULL)::kenes.outcome;
    END IF;
    DELETE FROM kenes.support WHERE proposal_id = p_proposal AND supporter = p_supporter;
    removed := FOUND;
    RETURN ROW(200, CASE WHEN removed THEN 'withdrawn' ELSE 'not_supported' END,
               jsonb_build_object('proposal', p_proposal, 'supported', false,
                                  'supports', (SELECT support_count FROM kenes.proposal
                                               WHERE id = p_proposal))::text, NULL)::kenes.outcome;
END
$$;
