-- Campaign-collapsed counts for the tallies API (kept by the aggregator's refresh, all-time):
-- published proposals and distinct texts (each campaign counted once). $1 consultation id
-- $2 stance, or NULL for 'all'.
-- Columns: part key (NULL: the whole consultation), draft version, proposals, texts.
SELECT kenes.part_target(p), v.number, k.proposals, k.texts
FROM kenes.campaign_count k
LEFT JOIN kenes.part p ON p.id = k.part_id
LEFT JOIN kenes.draft_version v ON v.id = p.version_id
WHERE k.consultation_id = $1::integer AND k.stance = coalesce($2::text, 'all')
