-- The positions proposal $1 is placed in (kenes.position_placement: by a person, or with its
-- campaign), for its history page. Columns: position id, part (its target, e.g. article:9),
-- label in kk, ru, en (each may be NULL), decision or NULL, whether placed with its campaign.
SELECT po.id, kenes.part_target(pa), po.label_kk, po.label_ru, po.label_en, po.decision, pl.via_campaign
FROM kenes.position_placement pl
JOIN kenes.position po ON po.id = pl.position_id
JOIN kenes.part pa ON pa.id = pl.part_id
WHERE pl.proposal_id = $1::bigint
ORDER BY pl.part_id, po.id
