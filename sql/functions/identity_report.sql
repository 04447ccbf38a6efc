-- A person reports that a proposal was filed in their name. Only the person whose
-- pseudonym is the proposal's submitter may: anyone else (or anyone, for an anonymous
-- proposal) gets the same 403, which says nothing of who filed it. 201 with a new flag,
-- 200 when one is open already; 404 for a proposal that is not published; 429 past
-- p_per_hour attempts by the person in an hour (attempts count whatever their answer).
CREATE OR REPLACE FUNCTION kenes.identity_report(p_proposal bigint, p_person bytea, p_channel text,
                                      p_key text, p_hash bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    result kenes.outcome;
    scope text := 'identity-report:' || p_proposal;
    submitter bytea;
    flag_id bigint;
    created boolean := false;
BEGIN
    result := kenes.idempotency_begin(scope, p_key, p_hash);
    IF result.status IS NOT NULL THEN RETURN result; END IF;
    SELECT p.submitter INTO submitter FROM kenes.proposal p
    WHERE p.id = p_proposal AND p.status = 'published';
    IF NOT FOUND THEN
        RETURN ROW(404, 'not_found', NULL, NULL)::kenes.outcome;
    END IF;
    DELETE FROM kenes.identity_report_attempt WHERE at < now() - interval '1 hour';
    result := kenes.rate_limited('identity-report', p_person, p_per_hour);
    IF result.status IS NOT NULL THEN RETURN result; END IF;
    INSERT INTO kenes.identity_report_attempt (reporter) VALUES (p_person);
    IF submitter IS DISTINCT FROM p_person THEN
        RETURN ROW(403, 'not_filed_in_your_name', NULL, NULL)::kenes.outcome;
    END IF;
    SELECT f.id INTO flag_id FROM kenes.identity_flag f
    WHERE f.proposal_id = p_proposal AND f.resolved_at IS NULL;
    IF NOT FOUND THEN
        INSERT INTO kenes.identity_flag (proposal_id, channel) VALUES (p_proposal, p_channel)
        ON CONFLICT DO NOTHING RETURNING id INTO flag_id;
        created := flag_id IS NOT NULL;
        IF NOT created THEN  -- raised at the same moment by another request
            SELECT f.id INTO flag_id FROM kenes.identity_flag f
            WHERE f.proposal_id = p_proposal AND f.resolved_at IS NULL;
        END IF;
    END IF;
    result := ROW(CASE WHEN created THEN 201 ELSE 200 END,
                  CASE WHEN created THEN 'created' ELSE 'already_reported' END,
                  jsonb_build_object('proposal', p_proposal, 'flag', flag_id, 'reported', true)::text,
                  NULL);
    RETURN kenes.idempotency_end(scope, p_key, p_hash, result);
END
$$;
