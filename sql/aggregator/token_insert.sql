-- Records a new bearer token by its SHA-256. $1 name  $2 role  $3 SHA-256 (hex)
-- $4 hint (the first characters, to recognise it in lists). Returns its id.
INSERT INTO kenes.staff_token (name, role, token_sha256, hint)
VALUES ($1::text, $2::text, decode($3::text, 'hex'), $4::text)
RETURNING id
