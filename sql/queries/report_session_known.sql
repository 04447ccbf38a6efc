-- Whether a consultation has a session with this number. $1 consultation slug or NULL (the
-- only one not in draft, or with several, the only open one)  $2 session number.
SELECT EXISTS (
    SELECT FROM kenes.commission_session s
    JOIN kenes.consultation_chosen($1::text) c ON c.id = s.consultation_id
    WHERE s.number = $2::integer)
