-- Stores a proposal: idempotency, the per-person cap, the insert with its topics, and the
-- stored response, all in the caller's one transaction (one statement).
CREATE OR REPLACE FUNCTION kenes.proposal_submit(
    p_consultation text, p_kind text, p_number integer, p_stance text, p_text text,
    p_wording text, p_lang text, p_region text, p_channel text, p_topics text[],
    p_submitter bytea, p_key text, p_hash bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    result kenes.outcome;
    target record;
    new_id bigint;
BEGIN
    result := kenes.idempotency_begin('proposal', p_key, p_hash);
    IF result.status IS NOT NULL THEN RETURN result; END IF;  -- (a composite IS NOT NULL only when every field is)
    result := kenes.rate_limited('proposal', p_submitter, p_per_hour);
    IF result.status IS NOT NULL THEN RETURN result; END IF;
    SELECT c.id AS consultation_id, v.id AS version_id, p.id AS part_id INTO target
    FROM kenes.consultation c
    JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
    JOIN kenes.part p ON p.version_id = v.id AND p.kind = p_kind
                     AND p.number IS NOT DISTINCT FROM p_number
    WHERE c.slug = p_consultation;
    IF NOT FOUND THEN
        RETURN ROW(422, 'unknown_target', NULL, NULL)::kenes.outcome;
    END IF;
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text,
                                proposed_wording, lang, region, channel, submitter)
    VALUES (target.consultation_id, target.version_id, target.part_id, p_stance, p_text,
            p_wording, p_lang, p_region, p_channel, p_submitter)
    RETURNING id INTO new_id;
    INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
    SELECT new_id, t.id FROM kenes.topic t
    WHERE t.consultation_id = target.consultation_id AND t.slug = ANY (p_topics);
    result := ROW(201, 'created', (SELECT kenes.proposal_json_by_id(new_id))::text, NULL);
    RETURN kenes.idempotency_end('proposal', p_key, p_hash, result);
END
$$;
