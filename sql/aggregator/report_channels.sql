-- Each channel, four rows ('all', support, oppose, amend), over local days [$2, $3].
-- $1 consultation id. Columns: key, label kk/ru/en, stance, proposals, people, supports.
SELECT ch.code, ch.name_kk, ch.name_ru, ch.name_en, t.stance, t.proposals, t.people, t.supports
FROM kenes.tally_rows($1::integer, 'channel', $2::date, $3::date, NULL) t
JOIN kenes.channel ch ON ch.code = t.channel
ORDER BY ch.ordinal, t.stance_rank
