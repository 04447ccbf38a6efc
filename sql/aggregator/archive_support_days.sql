-- The open-data archive: supports of published proposals as counts per proposal and local
-- day (never who). $1 consultation id, $2 time zone of the days.
SELECT s.proposal_id, (s.created_at AT TIME ZONE $2::text)::date::text AS day, count(*) AS supports
FROM kenes.support s JOIN kenes.proposal p ON p.id = s.proposal_id
WHERE p.consultation_id = $1::integer AND p.status = 'published'
GROUP BY s.proposal_id, 2
ORDER BY s.proposal_id, 2
