-- The suggestions staff have not decided, of consultation $1 (slug), part $2 (a target of
-- the current version; NULL: every part), largest first: each with its members' ids, texts
-- (their first 300 characters) and campaigns. NULL for an unknown consultation.
SELECT CASE WHEN c.id IS NOT NULL THEN coalesce((
    SELECT jsonb_agg(jsonb_build_object(
               'id', s.id, 'part', kenes.part_target(pt), 'version', v.number,
               'proposals', s.proposals, 'cohesion', s.cohesion, 'made_at', s.made_at,
               'members', (SELECT jsonb_agg(jsonb_build_object('id', x.id, 'stance', x.stance, 'lang', x.lang,
                                                               'text', left(x.text, 300),
                                                               'campaign', cm.campaign_id) ORDER BY x.id)
                           FROM kenes.suggestion_member m
                           JOIN kenes.proposal x ON x.id = m.proposal_id
                           LEFT JOIN kenes.campaign_member cm ON cm.proposal_id = x.id
                           WHERE m.suggestion_id = s.id))
               ORDER BY s.proposals DESC, s.id)
    FROM kenes.suggestion s
    JOIN kenes.part pt ON pt.id = s.part_id
    JOIN kenes.draft_version v ON v.id = pt.version_id
    WHERE s.consultation_id = c.id AND s.decision IS NULL
      AND ($2::text IS NULL OR (v.is_current AND kenes.part_target(pt) = $2::text))), '[]') END
FROM (SELECT 1) AS one LEFT JOIN kenes.consultation c ON c.slug = $1::text
