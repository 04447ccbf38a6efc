-- Run by fcgi/routes.c before a staff workspace page on a request thread's connection, and
-- session_generic_plans after it (never through a transaction pooler). The workspace's
-- statements take optional filters (`$n IS NULL OR ...`): a generic plan cannot know which
-- are given, so it cannot choose the index they need (the staff search for one word took
-- 107 s at 1M proposals with a generic plan, 0.17 s with a custom one). The workspace is
-- read by a few people; planning each of its statements costs far less than a bad plan.
SELECT pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', false)
