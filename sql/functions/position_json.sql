-- A position for staff: its texts, decision, members (ids of the first 1000, and how many),
-- the campaigns placed with it and its last 50 log entries. NULL for an unknown id.
CREATE OR REPLACE FUNCTION kenes.position_json(p_id bigint) RETURNS jsonb
-- plpgsql, not sql: its plans are kept per session (a SQL function that cannot be
-- inlined is planned at every call, and over the partitioned proposals that is the cost).
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (
    SELECT jsonb_build_object(
        'id', p.id,
        'consultation', c.slug,
        'version', v.number,
        'part', kenes.part_target(pt),
        'label', jsonb_build_object('kk', p.label_kk, 'ru', p.label_ru, 'en', p.label_en),
        'summary', jsonb_build_object('kk', p.summary_kk, 'ru', p.summary_ru, 'en', p.summary_en),
        'decision', p.decision,
        'decision_reason', jsonb_build_object('kk', p.reason_kk, 'ru', p.reason_ru, 'en', p.reason_en),
        'target', (SELECT jsonb_build_object('version', tv.number, 'part', kenes.part_target(tp))
                   FROM kenes.part tp JOIN kenes.draft_version tv ON tv.id = tp.version_id
                   WHERE tp.id = p.target_part_id),
        'merged_into', p.merged_into,
        -- part_id first: the view's DISTINCT ON takes it, so only the part is read
        'members', (SELECT count(*) FROM kenes.position_placement pl
                    WHERE pl.part_id = p.part_id AND pl.position_id = p.id),
        'proposals', coalesce((SELECT jsonb_agg(x.proposal_id ORDER BY x.proposal_id)
                               FROM (SELECT pl.proposal_id FROM kenes.position_placement pl
                                     WHERE pl.part_id = p.part_id AND pl.position_id = p.id
                                     ORDER BY pl.proposal_id LIMIT 1000) x),
                              '[]'),
        'campaigns', coalesce((SELECT jsonb_agg(jsonb_build_object('anchor', pc.anchor_id,
                                                                   'campaign', cm.campaign_id)
                                                ORDER BY pc.placed_at)
                               FROM kenes.position_campaign pc
                               LEFT JOIN kenes.campaign_member cm ON cm.proposal_id = pc.anchor_id
                               WHERE pc.position_id = p.id), '[]'),
        'log', coalesce((SELECT jsonb_agg(jsonb_build_object('id', l.id, 'at', l.at, 'actor', l.actor,
                                                             'role', l.role, 'action', l.action,
                                                             'detail', l.detail, 'affected', l.affected,
                                                             'reason', l.reason) ORDER BY l.id DESC)
                         FROM (SELECT * FROM kenes.position_log l WHERE l.position_id = p.id
                               ORDER BY l.id DESC LIMIT 50) l), '[]'),
        'created_at', p.created_at,
        'updated_at', p.updated_at)
    FROM kenes.position p
    JOIN kenes.consultation c ON c.id = p.consultation_id
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN kenes.part pt ON pt.id = p.part_id
    WHERE p.id = p_id);
END
$$;
