-- Whether a consultation has a session with this number. $1 consultation slug or NULL (the
-- only one not in draft, or with several, the only open one)  $2 session number.
WITH candidates AS (
    SELECT c.id, c.slug, c.status FROM kenes.consultation c
    WHERE CASE WHEN $1::text IS NULL THEN c.status <> 'draft' ELSE c.slug = $1::text END),
chosen AS (
    SELECT * FROM candidates
    WHERE $1::text IS NOT NULL OR (SELECT count(*) FROM candidates) = 1
       OR (status = 'open' AND (SELECT count(*) FROM candidates WHERE status = 'open') = 1))
SELECT EXISTS (
    SELECT FROM kenes.commission_session s JOIN chosen c ON c.id = s.consultation_id
    WHERE s.number = $2::integer)
