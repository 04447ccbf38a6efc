-- 038: part x week tally cells, for the people of each week on a staff part page's trend
-- (docs/STAFF.md). People are a distinct count, so a part's weekly people cannot be added up
-- from its days; counted from the per-proposal state at each request, they cost 0.25-0.6 s
-- for a part with 250,000 proposals. Stored per cell, the aggregator keeps them as it keeps the
-- others (kenes.tally_keys, include/tally_day_located.sql, tally_rebuild_cells.sql).
--   dim        key columns set
--   part_week  part_id, week (its Monday, local days)
ALTER TABLE kenes.tally_cell DROP CONSTRAINT tally_cell_dim_check;
ALTER TABLE kenes.tally_cell ADD CONSTRAINT tally_cell_dim_check
    CHECK (dim IN ('total', 'part', 'topic', 'region', 'channel', 'part_topic', 'week',
                   'part_region', 'part_channel', 'part_week'));
ALTER TABLE kenes.tally_cell DROP CONSTRAINT tally_cell_check;
ALTER TABLE kenes.tally_cell ADD CONSTRAINT tally_cell_check
    CHECK ((part_id IS NOT NULL) = (dim IN ('part', 'part_topic', 'part_region', 'part_channel', 'part_week'))
           AND (topic_id IS NOT NULL) = (dim IN ('topic', 'part_topic'))
           AND (region IS NOT NULL) = (dim IN ('region', 'part_region'))
           AND (channel IS NOT NULL) = (dim IN ('channel', 'part_channel'))
           AND (week IS NOT NULL) = (dim IN ('week', 'part_week')));

-- Tallies made before this migration have no such cells: the next refresh rebuilds them all.
UPDATE kenes.tally_state SET rebuild_reason = 'new tally cells (migration 038: part x week)';
