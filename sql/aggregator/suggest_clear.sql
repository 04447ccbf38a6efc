-- Forgets the suggestions of consultation $1 (their members go with them).
DELETE FROM kenes.suggestion WHERE consultation_id = $1::integer
