-- Tallies per part of the draft. $1 consultation id  $2 first day or NULL  $3 last day or
-- NULL (both NULL: all-time, read from the cells alone)  $4 stance or NULL (rows for 'all'
-- and each stance)  $5 'article' for articles only, or NULL for every part  $6 draft
-- version: NULL for the current version's parts and older parts with proposals, 'all' for
-- every part of every version, 'current', or a version number.
-- Columns: key, label kk/ru/en (with the version when not the current one), stance,
-- proposals, people, supports, version. Labels are made once per part (MATERIALIZED; made
-- per row, four a part, the statement took 0.8 s at 100,000 proposals, 0.12 s so).
WITH parts AS MATERIALIZED (
    SELECT p.id, p.ordinal, v.number, v.is_current, kenes.part_target(p) AS target,
           kenes.part_label(p, 'kk') || kenes.part_label_suffix(v.number, v.is_current, 'kk') AS kk,
           kenes.part_label(p, 'ru') || kenes.part_label_suffix(v.number, v.is_current, 'ru') AS ru,
           kenes.part_label(p, 'en') || kenes.part_label_suffix(v.number, v.is_current, 'en') AS en
    FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id
    WHERE v.consultation_id = $1::integer AND ($5::text IS NULL OR p.kind = $5::text)
      AND CASE WHEN $6::text IS NULL OR $6::text = 'all' THEN true
               WHEN $6::text = 'current' THEN v.is_current
               ELSE v.number::text = $6::text END)
SELECT p.target, p.kk, p.ru, p.en, c.stance, t.proposals, t.people, t.supports, p.number
FROM kenes.tally_between($1::integer, 'part', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
JOIN parts p ON p.id = c.part_id
WHERE ($4::text IS NULL OR c.stance = $4::text)
  AND ($6::text IS NOT NULL OR p.is_current OR c.proposals > 0)
ORDER BY p.number DESC, p.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
