-- Whether a consultation has a draft version of this number. $1 consultation id  $2 number
-- (as text, digits).
SELECT EXISTS (SELECT FROM kenes.draft_version v
               WHERE v.consultation_id = $1::integer AND v.number::text = $2::text)
