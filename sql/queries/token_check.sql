-- The role of a live bearer token, by the SHA-256 of what the client presented (hex).
-- No row or NULL: unknown or revoked.
SELECT kenes.staff_token_role(decode($1::text, 'hex'))
