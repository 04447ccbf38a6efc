-- Parts x topics with proposals over local days [$2, $3] (all stances). $1 consultation id.
-- Columns: part key, version, topic slug, proposals.
SELECT kenes.part_target(p), v.number, tp.slug, t.proposals
FROM kenes.tally_between($1::integer, 'part_topic', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id AND c.stance = 'all'
JOIN kenes.part p ON p.id = c.part_id
JOIN kenes.draft_version v ON v.id = p.version_id
JOIN kenes.topic tp ON tp.id = c.topic_id
WHERE t.proposals > 0
ORDER BY v.number, p.ordinal, tp.ordinal
