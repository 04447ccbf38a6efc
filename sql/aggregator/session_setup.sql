-- Session settings for the aggregator. $1 work_mem (e.g. 64MB).
-- JIT off: it compiles each execution of a prepared statement again, seconds per batch.
SELECT pg_catalog.set_config('work_mem', $1::text, false), pg_catalog.set_config('jit', 'off', false)
