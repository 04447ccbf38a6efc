SELECT pg_catalog.pg_advisory_unlock(7305527)
