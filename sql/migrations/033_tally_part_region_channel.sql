-- 033: part x region and part x channel tally cells, for the staff dashboard's region and
-- channel filters (docs/STAFF.md): every number of its parts' table comes from the tallies,
-- so the parts of one region or one channel need cells of their own (the aggregator fills
-- them as it fills the others: kenes.tally_keys, include/tally_day_located.sql).
--   dim           key columns set
--   part_region   part_id, region
--   part_channel  part_id, channel
ALTER TABLE kenes.tally_cell DROP CONSTRAINT tally_cell_dim_check;
ALTER TABLE kenes.tally_cell ADD CONSTRAINT tally_cell_dim_check
    CHECK (dim IN ('total', 'part', 'topic', 'region', 'channel', 'part_topic', 'week',
                   'part_region', 'part_channel'));
ALTER TABLE kenes.tally_cell DROP CONSTRAINT tally_cell_check;
ALTER TABLE kenes.tally_cell ADD CONSTRAINT tally_cell_check
    CHECK ((part_id IS NOT NULL) = (dim IN ('part', 'part_topic', 'part_region', 'part_channel'))
           AND (topic_id IS NOT NULL) = (dim IN ('topic', 'part_topic'))
           AND (region IS NOT NULL) = (dim IN ('region', 'part_region'))
           AND (channel IS NOT NULL) = (dim IN ('channel', 'part_channel'))
           AND (week IS NOT NULL) = (dim = 'week'));

-- Tallies made before this migration have no such cells: the next refresh rebuilds them all
-- (aggregator/tally.c reads the reason, logs it and rebuilds; the rebuild clears it). Until
-- then the other cells answer as before.
ALTER TABLE kenes.tally_state ADD COLUMN rebuild_reason text;
UPDATE kenes.tally_state SET rebuild_reason = 'new tally cells (migration 033: part x region, part x channel)';
