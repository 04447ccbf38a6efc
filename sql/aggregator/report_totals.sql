-- Totals by stance ('all' first) over local days [$2, $3]. $1 consultation id.
SELECT t.stance, t.proposals, t.people, t.supports
FROM kenes.tally_rows($1::integer, 'total', $2::date, $3::date, NULL) t
ORDER BY t.stance_rank
