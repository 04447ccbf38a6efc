-- Full rebuild, step 3 of 6: the supports of each counted proposal per local day of giving.
-- $1 time zone. Returns the number of supports.
-- Written in key order: the primary key then grows at its right end, where inserting in
-- the order a hash aggregate emits touches index pages all over (most of this step's time).
WITH counted AS (
    INSERT INTO kenes.tally_applied_support (proposal_id, day, supports)
    SELECT s.proposal_id, (s.created_at AT TIME ZONE $1::text)::date, count(*)
    FROM kenes.support s JOIN kenes.tally_applied a ON a.proposal_id = s.proposal_id
    GROUP BY 1, 2
    ORDER BY 1, 2
    RETURNING supports)
SELECT coalesce(sum(supports), 0) FROM counted
