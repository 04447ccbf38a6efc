-- The partitions of this month and the next three (migration 023), created before a
-- refresh; returns what was created and what could not be (a DEFAULT partition with rows).
SELECT partition, action FROM kenes.partitions_ensure(3)
