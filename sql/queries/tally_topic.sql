-- Tallies per topic. $1 consultation id  $2 first day or NULL  $3 last day or NULL
-- $4 stance or NULL. Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT tp.slug, tp.label_kk, tp.label_ru, tp.label_en, c.stance, t.proposals, t.people, t.supports
FROM kenes.tally_between($1::integer, 'topic', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
JOIN kenes.topic tp ON tp.id = c.topic_id
WHERE $4::text IS NULL OR c.stance = $4::text
ORDER BY tp.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
