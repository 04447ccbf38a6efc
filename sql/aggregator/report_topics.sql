-- Each topic, four rows ('all', support, oppose, amend), over local days [$2, $3].
-- $1 consultation id. Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT tp.slug, tp.label_kk, tp.label_ru, tp.label_en, t.stance, t.proposals, t.people, t.supports
FROM kenes.tally_rows($1::integer, 'topic', $2::date, $3::date, NULL) t
JOIN kenes.topic tp ON tp.id = t.topic_id
ORDER BY tp.ordinal, t.stance_rank
