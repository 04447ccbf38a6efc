-- A proposal as the API shows it. Takes columns rather than the row because the handler's
-- role may not read the submitter column, so it cannot hold a whole kenes.proposal row.
CREATE OR REPLACE FUNCTION kenes.proposal_json(id bigint, consultation_id integer, version_id integer,
                                    part_id integer, stance text, text text,
                                    proposed_wording text, lang text, region text,
                                    channel text, status text, created_at timestamptz)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', id,
        'consultation', (SELECT c.slug FROM kenes.consultation c WHERE c.id = consultation_id),
        'version', (SELECT v.number FROM kenes.draft_version v WHERE v.id = version_id),
        'target', (SELECT kenes.part_target(p) FROM kenes.part p WHERE p.id = part_id),
        'stance', stance,
        'topics', (SELECT coalesce(jsonb_agg(t.slug ORDER BY t.ordinal), '[]')
                   FROM kenes.proposal_topic pt JOIN kenes.topic t ON t.id = pt.topic_id
                   WHERE pt.proposal_id = proposal_json.id),
        'text', text,
        'proposed_wording', proposed_wording,
        'lang', lang,
        'region', region,
        'channel', channel,
        'status', status,
        'created_at', created_at)
$$;
