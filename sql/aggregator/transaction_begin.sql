-- Starts a refresh or report: one snapshot for everything it reads and writes.
BEGIN ISOLATION LEVEL REPEATABLE READ
