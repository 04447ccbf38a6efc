-- Which of these source ids (one per line in $3) are stored already for the consultation
-- ($1) and source ($2): one probe of the unique index of migration 008 per id (the LATERAL
-- ... LIMIT 1 keeps it a probe however many rows the source has).
SELECT s.id
FROM pg_catalog.unnest(pg_catalog.string_to_array($3, E'\n')) AS s(id)
CROSS JOIN LATERAL (
    SELECT FROM kenes.proposal p
    WHERE p.consultation_id = $1::integer AND p.source = $2 AND p.source_id = s.id
    LIMIT 1) AS stored
