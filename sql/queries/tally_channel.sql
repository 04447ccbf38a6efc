-- Tallies per channel (web form, API, import). $1 consultation id  $2 first day or NULL
-- $3 last day or NULL  $4 stance or NULL.
-- Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT ch.code, ch.name_kk, ch.name_ru, ch.name_en, c.stance, t.proposals, t.people, t.supports
FROM kenes.tally_between($1::integer, 'channel', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
JOIN kenes.channel ch ON ch.code = c.channel
WHERE $4::text IS NULL OR c.stance = $4::text
ORDER BY ch.ordinal, array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
