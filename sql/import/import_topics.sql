-- Each consultation's topics with their ids.
SELECT c.slug, t.slug, t.id
FROM kenes.topic t JOIN kenes.consultation c ON c.id = t.consultation_id
ORDER BY c.id, t.id
