-- Run once on each request thread's own connection (fcgi/main.c), never through a
-- transaction pooler (it would stay behind for other clients). kenes.proposal and
-- kenes.proposal_topic are partitioned: a generic plan's estimate counts every partition,
-- so `auto` keeps choosing custom plans and plans the public reads again on every call
-- (docs/BENCHMARKS.md "Reading a proposal by id"). The writers and the read-only tally
-- connection keep `auto`: their statements take optional parameters.
SELECT pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', false)
