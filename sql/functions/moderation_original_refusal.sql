-- Checks the original a duplicate is to point to; NULL when it will do, else a 422.
CREATE OR REPLACE FUNCTION kenes.moderation_original_refusal(p_proposal bigint, p_consultation integer,
                                                  p_original bigint)
RETURNS kenes.outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_original IS NULL THEN
        RETURN ROW(422, 'required', 'of', NULL)::kenes.outcome;
    ELSIF p_original = p_proposal THEN
        RETURN ROW(422, 'self_duplicate', 'of', NULL)::kenes.outcome;
    ELSIF NOT EXISTS (SELECT FROM kenes.proposal WHERE id = p_original
                      AND consultation_id = p_consultation) THEN
        RETURN ROW(422, 'unknown_original', 'of', NULL)::kenes.outcome;
    ELSIF EXISTS (SELECT FROM kenes.moderation_state WHERE proposal_id = p_original
                  AND via = 'duplicate') THEN
        RETURN ROW(422, 'original_is_duplicate', 'of', NULL)::kenes.outcome;
    ELSIF EXISTS (SELECT FROM kenes.moderation_state WHERE duplicate_of = p_proposal) THEN
        RETURN ROW(422, 'has_duplicates', 'of', NULL)::kenes.outcome;
    END IF;
    RETURN NULL;
END
$$;
