-- $1 proposal id. One row with the proposal as JSON (with its support count, and its part
-- on its own draft version) when it exists and is published.
-- The same document as kenes.proposal_json_by_id(id) || {part: kenes.part_json(part_id)},
-- written out in one statement: proposal_json_by_id cannot be inlined (a SET clause), so each
-- call parsed and planned its body again (~2.7 ms); this is prepared once per connection and
-- reads the proposal by its primary key. The part comes from kenes.part_doc, which
-- PostgreSQL inlines in FROM (as it does part_target and part_label). Keep the proposal's
-- fields in step with proposal_json (tests/e2e/api.sh, supports.sh, drafts.sh check the bytes).
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
        'supports', p.support_count,
        'part', part.doc)::text
FROM kenes.proposal p
LEFT JOIN kenes.consultation c ON c.id = p.consultation_id
LEFT JOIN kenes.draft_version v ON v.id = p.version_id
LEFT JOIN kenes.part pa ON pa.id = p.part_id
LEFT JOIN LATERAL kenes.part_doc(pa.id) part ON true
WHERE p.id = $1::bigint AND p.status = 'published'
