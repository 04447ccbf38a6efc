-- Full rebuild, step 6 of 6: each cell's all-time totals: proposals and supports from its
-- day rows, people from its people pairs (tally_rebuild_people: a person's first day in a
-- cell is the one pair with no day before). Returns the number of cells with any.
WITH sums AS (
    SELECT d.cell_id, sum(d.proposals) AS proposals, sum(d.supports) AS supports
    FROM kenes.tally_day d GROUP BY d.cell_id),
people AS (
    SELECT x.cell_id, sum(x.people) AS people
    FROM kenes.tally_people_day x WHERE x.prev_day = '-infinity' GROUP BY x.cell_id),
updated AS (
    UPDATE kenes.tally_cell c
    SET proposals = s.proposals, supports = s.supports, people = coalesce(p.people, 0)
    FROM sums s LEFT JOIN people p ON p.cell_id = s.cell_id
    WHERE c.id = s.cell_id
    RETURNING 1)
SELECT count(*) FROM updated
