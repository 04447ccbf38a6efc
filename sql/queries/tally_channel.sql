-- Tallies per channel (web form, API, import). $1 consultation id  $2 first day or NULL
-- $3 last day or NULL  $4 stance or NULL.
-- Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT ch.code, ch.name_kk, ch.name_ru, ch.name_en, t.stance, t.proposals, t.people, t.supports
FROM kenes.tally_rows($1::integer, 'channel', $2::date, $3::date, $4::text) t
JOIN kenes.channel ch ON ch.code = t.channel
ORDER BY ch.ordinal, t.stance_rank
