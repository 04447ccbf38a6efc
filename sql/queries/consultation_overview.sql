-- The public overview of a consultation's current draft (GET /consultations/{slug} and
-- /api/v1/consultations/{slug}?overview=1): every part in order with its published proposals,
-- supports and people per stance from the aggregator's tallies (kenes.tally_cell, dim 'part'),
-- and the proposals with each campaign counted once (kenes.campaign_count; null while campaign
-- grouping has never run for the consultation). As of the last `kenes-aggregator refresh` (refreshed_at), not live.
--   $1 consultation slug
-- One row: the overview as JSON, or no row for an unknown consultation.
SELECT jsonb_build_object(
        'consultation', c.slug,
        'version', v.number,
        'refreshed_at', (SELECT to_char(s.refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                         FROM kenes.tally_state s),
        'parts', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                          'target', kenes.part_target(p),
                          'label', jsonb_build_object('kk', kenes.part_label(p, 'kk'),
                                                      'ru', kenes.part_label(p, 'ru'),
                                                      'en', kenes.part_label(p, 'en')),
                          'stances', (SELECT jsonb_object_agg(st.stance, jsonb_build_object(
                                          'proposals', coalesce(t.proposals, 0),
                                          'texts', coalesce(cc.texts, CASE WHEN grouped THEN 0 END),
                                          'supports', coalesce(t.supports, 0),
                                          'people', coalesce(t.people, 0)))
                                      FROM unnest(ARRAY['all', 'support', 'oppose', 'amend']) AS st (stance)
                                      -- By the unique key: (consultation, dim) alone would
                                      -- scan every part's cells for each part.
                                      LEFT JOIN kenes.tally_cell t
                                             ON t.consultation_id = c.id
                                            AND t.key = kenes.tally_cell_key('part', p.id, NULL, NULL,
                                                                             NULL, NULL, st.stance)
                                      LEFT JOIN kenes.campaign_count cc
                                             ON cc.consultation_id = c.id AND cc.part_id = p.id
                                            AND cc.stance = st.stance))
                      ORDER BY p.ordinal), '[]')
                  FROM kenes.part p WHERE p.version_id = v.id))::text
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
-- Campaign grouping counts only the parts with proposals: once it has run, the others have 0.
CROSS JOIN LATERAL (SELECT EXISTS (SELECT FROM kenes.campaign_count x WHERE x.consultation_id = c.id)
                    AS grouped) g
WHERE c.slug = $1::text
