-- Which of these source ids (one per line in $3) are stored already for the consultation
-- ($1) and source ($2): one probe of kenes.proposal_source's primary key per id.
SELECT s.id
FROM pg_catalog.unnest(pg_catalog.string_to_array($3, E'\n')) AS s(id)
WHERE EXISTS (SELECT FROM kenes.proposal_source k
              WHERE k.consultation_id = $1::integer AND k.source = $2 AND k.source_id = s.id)
