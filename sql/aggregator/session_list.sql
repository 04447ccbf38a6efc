-- The sessions of a consultation with the period each one's report covers and whether it
-- was issued. $1 consultation id  $2 time zone.
-- Columns: number, date, title, first day, last day, issued at (UTC) or NULL.
SELECT s.number, s.held_on, s.title,
       coalesce(lag(s.held_on) OVER w, (c.opens_at AT TIME ZONE $2::text)::date) AS period_from,
       s.held_on - 1 AS period_to,
       to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM kenes.commission_session s
JOIN kenes.consultation c ON c.id = s.consultation_id
LEFT JOIN kenes.report r ON r.consultation_id = s.consultation_id AND r.kind = 'session'
                        AND r.session_number = s.number
WHERE s.consultation_id = $1::integer
WINDOW w AS (ORDER BY s.number)
ORDER BY s.number
