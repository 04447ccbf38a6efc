-- Tallies per region. $1 consultation id  $2 first day or NULL  $3 last day or NULL
-- $4 stance or NULL. Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT r.code, r.name_kk, r.name_ru, r.name_en, t.stance, t.proposals, t.people, t.supports
FROM kenes.tally_rows($1::integer, 'region', $2::date, $3::date, $4::text) t
JOIN kenes.region r ON r.code = t.region
ORDER BY r.ordinal, t.stance_rank
