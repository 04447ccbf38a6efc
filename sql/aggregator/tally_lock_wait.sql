-- As tally_lock, waiting for the aggregator that holds the lock to finish (--wait).
SELECT pg_catalog.pg_advisory_lock(7305527)
