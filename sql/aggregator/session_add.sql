-- Records a Commission session. $1 consultation id  $2 number  $3 date  $4 title.
-- A number or date already used, or one out of order with the others, is refused by the
-- table's constraints and trigger.
INSERT INTO kenes.commission_session (consultation_id, number, held_on, title)
VALUES ($1::integer, $2::integer, $3::date, $4::text)
RETURNING number
