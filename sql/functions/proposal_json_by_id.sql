-- A proposal as the API shows it, by id (any status).
CREATE OR REPLACE FUNCTION kenes.proposal_json_by_id(p_id bigint) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT kenes.proposal_json(p.id, p.consultation_id, p.version_id, p.part_id, p.stance, p.text,
                               p.proposed_wording, p.lang, p.region, p.channel, p.status,
                               p.created_at)
           || jsonb_build_object('supports', p.support_count)
    FROM kenes.proposal p WHERE p.id = p_id
$$;
