-- Stores a proposal through kenes.proposal_submit (sql/functions/proposal_submit.sql):
-- idempotency key, per-person cap, insert with topics and the stored response, in one
-- transaction.
--   $1 consultation slug  $2 part kind  $3 part number or NULL  $4 stance  $5 text
--   $6 proposed wording or NULL  $7 lang  $8 region  $9 channel  $10 topic slugs (text[])
--   $11 submitter pseudonym (bytea) or NULL  $12 idempotency key or NULL
--   $13 request hash (bytea)  $14 proposals per person per hour
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.proposal_submit($1::text, $2::text, $3::integer, $4::text, $5::text, $6::text,
                           $7::text, $8::text, $9::text, $10::text[], $11::bytea, $12::text,
                           $13::bytea, $14::integer) r
