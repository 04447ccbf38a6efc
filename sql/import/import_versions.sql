-- The current draft version of each consultation and the time now: a chunk is stored only
-- while the versions its rows were resolved against are still current.
SELECT string_agg(c.id || ':' || v.id, ',' ORDER BY c.id), now()
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
