-- 039: people over any period of days, read from stored rows (docs/AGGREGATOR.md, "People in
-- a period"). People are a distinct count: they cannot be added up from days, so
-- kenes.tally_between counted them from the per-proposal state for every request with a
-- period (0.4-3 s at 1M proposals). Instead, for each cell and each person, take the days on
-- which that person made a counted proposal there, d1 < d2 < ... < dk, and store the pairs
-- (d1, none), (d2, d1), ..., (dk, dk-1) summed over all people: a person counts in the days
-- [a, b] exactly once, for their first day in it, which is the one pair with a <= day <= b and
-- prev_day < a. So people in [a, b] = the sum over that pair range, a few hundred rows.
--   prev_day '-infinity': the person's first day in the cell (then people = the all-time sum
--   of those rows, which is what tally_cell.people holds).
CREATE TABLE kenes.tally_people_day (
    cell_id   integer NOT NULL REFERENCES kenes.tally_cell,
    day       date NOT NULL,
    prev_day  date NOT NULL CHECK (prev_day < day),
    people    bigint NOT NULL CHECK (people > 0),
    PRIMARY KEY (cell_id, day, prev_day)
) WITH (fillfactor = 80);  -- room for HOT updates, as tally_day

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON kenes.tally_people_day TO kenes_aggregator;
    END IF;
    -- counts, no pseudonyms: read as tally_day is (the staff part page's weeks)
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT SELECT ON kenes.tally_people_day TO kenes_handler;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_analyst') THEN
        GRANT SELECT ON kenes.tally_people_day TO kenes_analyst;
    END IF;
END
$$;

-- Tallies made before this migration have no such rows: the next refresh rebuilds them all.
UPDATE kenes.tally_state SET rebuild_reason = 'people per day pairs (migration 039)';

-- People over a period are summed from the pairs: the per-proposal count of a part's weeks
-- (035) and the part x week cells (038), which held each whole week's people, are no longer
-- read (a part's week is a period of its part cell).
DROP FUNCTION IF EXISTS kenes.tally_part_weekly_people(integer, date, date);
DROP INDEX kenes.tally_applied_part;
DELETE FROM kenes.tally_day d USING kenes.tally_cell c WHERE c.id = d.cell_id AND c.dim = 'part_week';
DELETE FROM kenes.tally_cell WHERE dim = 'part_week';
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

-- A part's cells of one dimension (a staff part page's topics, regions, channels, stances):
-- by part, not by filtering every part's cells of the dimension (9,504 part x region cells).
CREATE INDEX tally_cell_part ON kenes.tally_cell (part_id, dim) WHERE part_id IS NOT NULL;
