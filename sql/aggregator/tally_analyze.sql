-- Fresh planner statistics for the tally tables, within the refresh's transaction.
SELECT kenes.tally_analyze()
