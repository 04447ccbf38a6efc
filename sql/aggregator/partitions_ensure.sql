-- The partitions of this month and the next three (sql/functions/partitions_ensure.sql),
-- created before a refresh; returns what was created and what could not be (a DEFAULT
-- partition with rows).
SELECT partition, action FROM kenes.partitions_ensure(3)
