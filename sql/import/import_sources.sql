-- The sources an import may name (migration 008).
SELECT code FROM kenes.import_source ORDER BY ordinal
