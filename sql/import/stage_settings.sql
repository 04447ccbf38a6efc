-- Session settings for kenes-import, before the staging table is first touched: a chunk of
-- long texts fits in temporary buffers and its joins in memory.
SELECT pg_catalog.set_config('temp_buffers', '64MB', false),
       pg_catalog.set_config('work_mem', '64MB', false)
