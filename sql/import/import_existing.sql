-- Which of these source ids (one per line in $3) are stored already for the consultation
-- ($1) and source ($2): the unique index of migration 008 answers each.
SELECT source_id FROM kenes.proposal
WHERE consultation_id = $1::integer AND source = $2
  AND source_id = ANY (pg_catalog.string_to_array($3, E'\n'))
