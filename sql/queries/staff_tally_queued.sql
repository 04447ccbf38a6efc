-- The dashboard's queued changes (sql/functions/staff_tally_queued.sql).
SELECT kenes.staff_tally_queued()
