-- Tallies per part and region, or per part and channel (by=part,region, by=part,channel;
-- sql/functions/tally_parts_by.sql): the part x region and part x channel cells
-- (sql/migrations/033), the very cells the staff dashboard's region= and channel= filters read
-- (staff_part_located.sql). $1..$6 as tally_part_topic  $7 'part_region' or 'part_channel'.
-- Columns: key (article:4/KZ-75, article:4/web), label kk/ru/en ("part / region"), stance,
-- proposals, people, supports, version.
SELECT t.key, t.kk, t.ru, t.en, t.stance, t.proposals, t.people, t.supports, t.version
FROM kenes.tally_parts_by($1::integer, $7::text, $2::date, $3::date, $4::text, $5::text, $6::text) t
