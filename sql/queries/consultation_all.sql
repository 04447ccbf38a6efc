-- Every consultation that is not a draft, with the structure the form and validation use.
SELECT c.slug, kenes.consultation_json(c.id)::text
FROM kenes.consultation c
WHERE c.status <> 'draft'
ORDER BY c.id
