-- The dashboard's totals, from the same tallies as /api/v1/tallies (kenes.tally_between over
-- the consultation's 'total' cells). $1 consultation id  $2 first day or NULL  $3 last day or
-- NULL. Columns: stance ('all' first), proposals, people, supports.
SELECT c.stance, t.proposals, t.people, t.supports
FROM kenes.tally_between($1::integer, 'total', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id AND c.consultation_id = $1::integer AND c.dim = 'total'
ORDER BY array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
