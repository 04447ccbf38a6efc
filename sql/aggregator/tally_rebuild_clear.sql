-- Full rebuild, step 1 of 6: forget every tally and the queue. Queue rows committed after
-- this transaction's snapshot stay for the next refresh (the rebuild reads the same
-- snapshot, so it counts exactly what the forgotten rows named). Returns the queue rows
-- dropped.
WITH days AS (DELETE FROM kenes.tally_day),
     people AS (DELETE FROM kenes.tally_people_day),
     cells AS (UPDATE kenes.tally_cell SET proposals = 0, people = 0, supports = 0
               WHERE proposals <> 0 OR people <> 0 OR supports <> 0),
     applied AS (DELETE FROM kenes.tally_applied),
     applied_supports AS (DELETE FROM kenes.tally_applied_support),
     queue AS (DELETE FROM kenes.tally_change RETURNING 1)
SELECT count(*) FROM queue
