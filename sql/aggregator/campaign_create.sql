-- $2 new campaigns of consultation $1 (their counts come with campaign_stats). Returns ids.
INSERT INTO kenes.campaign (consultation_id)
SELECT $1::integer FROM generate_series(1, $2::integer)
RETURNING id
