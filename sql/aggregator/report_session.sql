-- A Commission session, with the dates that bound its period and the previous one's.
-- $1 consultation id  $2 session number.
-- Columns: date, title, previous session's number, its date, and the date of the one
-- before it (NULLs where there is none).
WITH s AS (
    SELECT q.number, q.held_on, q.title,
           lag(q.number) OVER w AS previous_number,
           lag(q.held_on) OVER w AS previous_on,
           lag(q.held_on, 2) OVER w AS before_previous_on
    FROM kenes.commission_session q
    WHERE q.consultation_id = $1::integer
    WINDOW w AS (ORDER BY q.number))
SELECT s.held_on, s.title, s.previous_number, s.previous_on, s.before_previous_on
FROM s WHERE s.number = $2::integer
