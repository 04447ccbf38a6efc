-- Run by fcgi/staff_proposals.c before the staff search (staff_proposal_search) on a request
-- thread's connection, and session_generic_plans after it (never through a transaction
-- pooler). The search takes optional filters (`$n IS NULL OR ...`): a generic plan cannot
-- know which are given, so it cannot choose the index they need (a search for one word took
-- 107 s at 1M proposals with a generic plan, 0.17 s with a custom one). The workspace's other
-- statements keep their generic plans.
SELECT pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', false)
