-- The positions of a draft version for staff, by part and id: consultation $1 (slug),
-- version $2 (number; NULL: the current one), part $3 (a target; NULL: every part). One row,
-- NULL when the consultation or version is unknown.
SELECT CASE WHEN v.id IS NOT NULL THEN coalesce((
    SELECT jsonb_agg(jsonb_build_object(
               'id', po.id, 'part', kenes.part_target(pt),
               'label', jsonb_build_object('kk', po.label_kk, 'ru', po.label_ru, 'en', po.label_en),
               'decision', po.decision,
               'members', (SELECT count(*) FROM kenes.position_placement pl
                           WHERE pl.part_id = po.part_id AND pl.position_id = po.id),
               'updated_at', po.updated_at) ORDER BY pt.ordinal, po.id)
    FROM kenes.position po JOIN kenes.part pt ON pt.id = po.part_id
    WHERE po.version_id = v.id AND po.merged_into IS NULL
      AND ($3::text IS NULL OR kenes.part_target(pt) = $3::text)), '[]') END
FROM (SELECT 1) AS one
LEFT JOIN kenes.consultation c ON c.slug = $1::text
LEFT JOIN kenes.draft_version v ON v.consultation_id = c.id
     AND CASE WHEN $2::integer IS NULL THEN v.is_current ELSE v.number = $2::integer END
