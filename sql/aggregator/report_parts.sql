-- Each part, four rows ('all', support, oppose, amend), over local days [$2, $3]: every
-- part of the current draft version, and parts of other versions that have proposals in the
-- period. $1 consultation id.
-- Columns: key, label kk/ru/en, stance, proposals, people, supports, then kind, number,
-- version, current.
WITH t AS (
    SELECT c.part_id, c.stance, t.proposals, t.people, t.supports,
           max(t.proposals) OVER (PARTITION BY c.part_id) AS any_proposals
    FROM kenes.tally_between($1::integer, 'part', $2::date, $3::date) t
    JOIN kenes.tally_cell c ON c.id = t.cell_id)
SELECT kenes.part_target(p), kenes.part_label(p, 'kk'), kenes.part_label(p, 'ru'),
       kenes.part_label(p, 'en'), t.stance, t.proposals, t.people, t.supports,
       p.kind, p.number, v.number AS version, v.is_current
FROM t
JOIN kenes.part p ON p.id = t.part_id
JOIN kenes.draft_version v ON v.id = p.version_id
WHERE v.is_current OR t.any_proposals > 0
ORDER BY v.number, p.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], t.stance)
