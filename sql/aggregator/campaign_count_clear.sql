-- Before campaign_count_fill: forgets consultation $1's collapsed counts.
DELETE FROM kenes.campaign_count WHERE consultation_id = $1::integer
