-- Every consultation, for a refresh to go through.
SELECT id FROM kenes.consultation ORDER BY id
