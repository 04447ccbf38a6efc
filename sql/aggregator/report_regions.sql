-- Each region, four rows ('all', support, oppose, amend), over local days [$2, $3].
-- $1 consultation id. Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT r.code, r.name_kk, r.name_ru, r.name_en, c.stance, t.proposals, t.people, t.supports
FROM kenes.tally_between($1::integer, 'region', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
JOIN kenes.region r ON r.code = c.region
ORDER BY r.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
