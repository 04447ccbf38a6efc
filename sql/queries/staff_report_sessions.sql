-- The Commission sessions of consultation $1 for /staff/reports, newest first, with the
-- period each one's report covers (as sql/aggregator/session_list.sql: from the previous
-- session's date, or the day it opened in time zone $2, to the day before its own), its
-- report if issued and the request to issue it if any.
-- Columns: number, date, title, first day, last day, report id, issued at, cut-off of its
-- tallies, requested at (times ISO 8601 UTC; NULL when none), whether its day has come in
-- time zone $2 (so that its report can be issued).
SELECT s.number, s.held_on, s.title,
       coalesce(lag(s.held_on) OVER w, (c.opens_at AT TIME ZONE $2::text)::date),
       s.held_on - 1, r.id,
       to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(r.cut_off AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(q.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       s.held_on <= (now() AT TIME ZONE $2::text)::date
FROM kenes.commission_session s
JOIN kenes.consultation c ON c.id = s.consultation_id
LEFT JOIN kenes.report r ON r.consultation_id = s.consultation_id AND r.kind = 'session'
                        AND r.session_number = s.number
LEFT JOIN kenes.report_request q ON q.consultation_id = s.consultation_id AND q.session_number = s.number
WHERE s.consultation_id = $1::integer
WINDOW w AS (ORDER BY s.number)
ORDER BY s.number DESC
