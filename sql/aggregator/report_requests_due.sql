-- Sessions whose report staff asked for from the workspace (kenes.report_request) and that
-- can be issued now: not issued yet, the session's day come (local to $1), so its period
-- is over. Columns: consultation slug, session number.
SELECT c.slug, q.session_number
FROM kenes.report_request q
JOIN kenes.consultation c ON c.id = q.consultation_id
JOIN kenes.commission_session s ON s.consultation_id = q.consultation_id AND s.number = q.session_number
WHERE s.held_on <= (pg_catalog.now() AT TIME ZONE $1::text)::date
  AND NOT EXISTS (SELECT FROM kenes.report r
                  WHERE r.consultation_id = q.consultation_id AND r.kind = 'session'
                    AND r.session_number = q.session_number)
ORDER BY c.id, q.session_number
