-- Run once on each request thread's own connection (fcgi/main.c), never through a
-- transaction pooler (it would stay behind for other clients). kenes.proposal and
-- kenes.proposal_topic are partitioned: a generic plan's estimate counts every partition,
-- so `auto` keeps choosing custom plans and plans the public reads again on every call
-- (docs/BENCHMARKS.md "Reading a proposal by id"). The writers and the read-only tally
-- connection keep `auto`: their statements take optional parameters.
-- No JIT either: a request's statements run for milliseconds, and a plan whose estimate
-- passes jit_above_cost (the staff search sorting a word's rows at 1M proposals) spent about
-- 600 ms compiling itself.
SELECT pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', false),
       pg_catalog.set_config('jit', 'off', false)
