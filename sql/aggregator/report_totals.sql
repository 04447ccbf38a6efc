-- Totals by stance ('all' first) over local days [$2, $3]. $1 consultation id.
SELECT c.stance, t.proposals, t.people, t.supports
FROM kenes.tally_between($1::integer, 'total', $2::date, $3::date) t
JOIN kenes.tally_cell c ON c.id = t.cell_id
ORDER BY array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance)
