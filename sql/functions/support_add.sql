-- Records a person's support: 201 the first time, 200 when they already support it.
CREATE OR REPLACE FUNCTION kenes.support_add(p_proposal bigint, p_supporter bytea, p_key text,
                                  p_hash bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    result kenes.outcome;
    inserted boolean;
    scope text := 'support:' || p_proposal;
BEGIN
    result := kenes.idempotency_begin(scope, p_key, p_hash);
    IF result.status IS NOT NULL THEN RETURN result; END IF;  -- (a composite IS NOT NULL only when every field is)
    result := kenes.support_refusal(p_proposal);
    IF result.status IS NOT NULL THEN RETURN result; END IF;
    result := kenes.rate_limited('support', p_supporter, p_per_hour);
    IF result.status IS NOT NULL THEN RETURN result; END IF;
    INSERT INTO kenes.support (proposal_id, supporter) VALUES (p_proposal, p_supporter)
    ON CONFLICT DO NOTHING;
    inserted := FOUND;
    result := ROW(CASE WHEN inserted THEN 201 ELSE 200 END,
                  CASE WHEN inserted THEN 'created' ELSE 'already_supported' END,
                  jsonb_build_object('proposal', p_proposal, 'supported', true,
                                     'supports', (SELECT support_count FROM kenes.proposal
                                                  WHERE id = p_proposal))::text, NULL);
    RETURN kenes.idempotency_end(scope, p_key, p_hash, result);
END
$$;
