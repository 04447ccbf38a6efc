-- Issues a report: its period and the cut-off of the tallies it was made from.
-- $1 consultation id  $2 kind  $3 session number or NULL  $4 week or NULL  $5 first day
-- $6 last day. Returns its id (no row when it was issued meanwhile).
INSERT INTO kenes.report (consultation_id, kind, session_number, week, period_from, period_to,
                          time_zone, cut_off, snapshot)
SELECT $1::integer, $2::text, $3::integer, $4::text, $5::date, $6::date,
       s.time_zone, s.refreshed_at, s.snapshot
FROM kenes.tally_state s
ON CONFLICT DO NOTHING
RETURNING id
