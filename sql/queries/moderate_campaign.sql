-- Hides the published members of a campaign, or shows again those hidden that way
-- (sql/functions/moderate_campaign.sql); one log entry.
--   $1 SHA-256 of the bearer token (hex)  $2 'hide' or 'unhide'  $3 campaign id  $4 reason
SELECT r.status, r.code, r.body, r.retry_after
FROM kenes.moderate_campaign(decode($1::text, 'hex'), $2::text, $3::bigint, $4::text) r
