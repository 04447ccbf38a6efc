-- A published proposal as the API shows it, with its support count (the shape of
-- kenes.proposal_json_by_id), and its part: what sql/queries/proposal_get.sql and
-- proposal_list.sql answer; and the columns the HTML list's card shows (proposal_list.sql
-- reads them instead of the document, which PostgreSQL then does not build). No row when the
-- proposal is missing or hidden. Keep the fields in step with kenes.proposal_json
-- (tests/e2e/api.sh, supports.sh, drafts.sh check the bytes).
-- A set-returning SQL function without SET or STRICT, one SELECT: PostgreSQL inlines it into
-- the statement that calls it in FROM, so a prepared statement plans it once and reads the
-- proposal by its primary key (proposal_json_by_id cannot be inlined: a SET clause).
CREATE OR REPLACE FUNCTION kenes.proposal_doc(p_id bigint)
RETURNS TABLE (doc jsonb, part_id integer, stance text, text text, supports integer, created_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
            'id', p.id,
            'consultation', c.slug,
            'version', v.number,
            'target', kenes.part_target(pa),
            'stance', p.stance,
            'topics', (SELECT coalesce(jsonb_agg(t.slug ORDER BY t.ordinal), '[]')
                       FROM kenes.proposal_topic pt JOIN kenes.topic t ON t.id = pt.topic_id
                       WHERE pt.proposal_id = p.id),
            'text', p.text,
            'proposed_wording', p.proposed_wording,
            'lang', p.lang,
            'region', p.region,
            'channel', p.channel,
            'status', p.status,
            'created_at', p.created_at,
            'supports', p.support_count),
           p.part_id, p.stance, p.text, p.support_count, p.created_at
    FROM kenes.proposal p
    JOIN kenes.consultation c ON c.id = p.consultation_id
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN kenes.part pa ON pa.id = p.part_id
    WHERE p.id = p_id AND p.status = 'published'
$$;
