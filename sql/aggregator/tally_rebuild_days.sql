-- Full rebuild, step 4 of 6: the day rows, from the counted proposals (on the day made) and
-- supports (on the day given). One pass over the counted rows sums them per day by all that
-- any dimension reads: (part, stance, region, channel) for the plain dimensions, (part,
-- stance, topic) for the topical ones. That leaves a few hundred thousand rows whatever the
-- data size (parts x stances x regions x channels x days at most), and every dimension is
-- summed from those (GROUPING SETS; a stance left out of a set is 'all'). Grouping sets over
-- the raw rows would sort or hash every row once per family of sets instead.
-- The incremental path (tally_apply) gets the same cells through kenes.tally_keys; the tests
-- check that both agree with an independent recount.
-- Returns the number of day rows and of sums that found no cell (must be 0; the caller
-- rolls back otherwise).
WITH contrib AS (
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, a.day,
           1 AS proposals, 0 AS supports
    FROM kenes.tally_applied a
    UNION ALL
    SELECT a.consultation_id, a.part_id, a.stance, a.region, a.channel, a.topic_ids, s.day,
           0, s.supports
    FROM kenes.tally_applied_support s JOIN kenes.tally_applied a ON a.proposal_id = s.proposal_id),
\ir include/tally_day_located.sql
written AS (
    INSERT INTO kenes.tally_day (cell_id, day, proposals, supports)
    SELECT l.cell_id, l.day, l.proposals, l.supports FROM located l WHERE l.cell_id IS NOT NULL
    RETURNING 1)
SELECT (SELECT count(*) FROM written), (SELECT count(*) FROM located WHERE cell_id IS NULL)
