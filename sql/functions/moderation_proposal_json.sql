-- What moderators see of a proposal: its public JSON, its status and why it is hidden.
CREATE OR REPLACE FUNCTION kenes.moderation_proposal_json(p_proposal bigint) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT jsonb_build_object('proposal', p.id, 'status', p.status,
                              'hidden_as', s.via, 'duplicate_of', s.duplicate_of,
                              'campaign', s.campaign_id)
    FROM kenes.proposal p LEFT JOIN kenes.moderation_state s ON s.proposal_id = p.id
    WHERE p.id = p_proposal
$$;
