-- A named restore point after the newest issued report (sql/migrations/025), outside any
-- transaction: called after the commit, so that recovery to it includes the report.
-- Columns: the point's name, its WAL location. No row when no report was ever issued.
SELECT name, lsn FROM kenes.report_restore_point()
