-- The proposals a request names, for assign, unassign and split on position p:
--   {"proposals": [id, ...]}  those of the position's consultation (others are left out:
--                             the caller compares counts)
--   {"filter": {"q", "stance", "lang", "region"}}  a search: the published proposals on the
--                             position's part whose text contains q (case-insensitive),
--                             with that stance, language and region
--   {"campaign": id}          the members of that campaign
CREATE OR REPLACE FUNCTION kenes.position_selection(p kenes.position, p_body jsonb)
RETURNS TABLE (proposal_id bigint)
-- plpgsql, each way its own statement: one plan for all three would read every proposal.
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF jsonb_typeof(p_body->'proposals') = 'array' THEN
        RETURN QUERY
        SELECT x.id FROM kenes.proposal x
        WHERE x.consultation_id = p.consultation_id
          AND x.id = ANY (ARRAY(SELECT (e #>> '{}')::bigint FROM jsonb_array_elements(p_body->'proposals') e
                                WHERE jsonb_typeof(e) = 'number'));
    ELSIF jsonb_typeof(p_body->'filter') = 'object' THEN
        RETURN QUERY
        SELECT x.id FROM kenes.proposal x
        WHERE x.part_id = p.part_id AND x.status = 'published'
          AND (p_body#>>'{filter,q}' IS NULL OR strpos(lower(x.text), lower(p_body#>>'{filter,q}')) > 0)
          AND (p_body#>>'{filter,stance}' IS NULL OR x.stance = p_body#>>'{filter,stance}')
          AND (p_body#>>'{filter,lang}' IS NULL OR x.lang = p_body#>>'{filter,lang}')
          AND (p_body#>>'{filter,region}' IS NULL OR x.region = p_body#>>'{filter,region}');
    ELSIF jsonb_typeof(p_body->'campaign') = 'number' THEN
        RETURN QUERY
        SELECT m.proposal_id FROM kenes.campaign_member m
        JOIN kenes.proposal x ON x.id = m.proposal_id AND x.consultation_id = p.consultation_id
        WHERE m.campaign_id = (p_body->>'campaign')::bigint;
    END IF;
END
$$;
