-- The consultation a command is about. $1 its slug, or NULL for every one that is not a
-- draft (the caller takes the only one, or the only open one)  $2 time zone.
-- Dates are local days in that zone; closes_on is NULL when no end is set; today is the
-- local date now (the start of the transaction).
SELECT c.id, c.slug, c.title_kk, c.title_ru, c.title_en,
       (c.opens_at AT TIME ZONE $2::text)::date AS opens_on,
       (c.closes_at AT TIME ZONE $2::text)::date AS closes_on,
       c.status, (pg_catalog.now() AT TIME ZONE $2::text)::date AS today
FROM kenes.consultation c
WHERE CASE WHEN $1::text IS NULL THEN c.status <> 'draft' ELSE c.slug = $1::text END
ORDER BY c.id
