-- One aggregator at a time: true when this session now holds the aggregator's lock.
-- (sql/migrate uses 7305526; the key below is the aggregator's.)
SELECT pg_catalog.pg_try_advisory_lock(7305527)
