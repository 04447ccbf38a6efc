-- Tallies per part and topic (by=part,topic; sql/functions/tally_parts_by.sql). $1 consultation
-- id  $2 first day or NULL  $3 last day or NULL  $4 stance or NULL  $5 'article' for articles
-- only, or NULL  $6 draft version: NULL or 'all' for every version, 'current', or a version
-- number (as tally_part). Only pairs with proposals in the range.
-- Columns: key (article:4/sovereignty), label kk/ru/en ("part / topic"), stance, proposals,
-- people, supports, version.
SELECT t.key, t.kk, t.ru, t.en, t.stance, t.proposals, t.people, t.supports, t.version
FROM kenes.tally_parts_by($1::integer, 'part_topic', $2::date, $3::date, $4::text, $5::text, $6::text) t
