-- Withdraws a person's support (200 whether or not there was one to withdraw).
CREATE OR REPLACE FUNCTION kenes.support_withdraw(p_proposal bigint, p_supporter bytea)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refusal kenes.outcome;
    removed boolean;
BEGIN
    refusal := kenes.support_refusal(p_proposal);
    IF refusal.status IS NOT NULL THEN RETURN refusal; END IF;
    DELETE FROM kenes.support WHERE proposal_id = p_proposal AND supporter = p_supporter;
    removed := FOUND;
    RETURN ROW(200, CASE WHEN removed THEN 'withdrawn' ELSE 'not_supported' END,
               jsonb_build_object('proposal', p_proposal, 'supported', false,
                                  'supports', (SELECT support_count FROM kenes.proposal
                                               WHERE id = p_proposal))::text, NULL)::kenes.outcome;
END
$$;
