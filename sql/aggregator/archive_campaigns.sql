-- The open-data archive: campaigns (near-identical proposals) with a published member, their
-- counts over published members only (sql/migrations/014). The representative text is given
-- only when that proposal is published itself: never a hidden text. $1 consultation id.
SELECT c.id AS campaign_id, c.published AS proposals, c.people, c.texts,
       r.id AS representative_id, r.text AS representative,
       to_char(c.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS first_seen,
       to_char(c.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_seen,
       c.regions::json AS regions, c.channels::json AS channels, c.burst_per_minute,
       to_char(c.burst_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS burst_at
FROM kenes.campaign c
LEFT JOIN kenes.proposal r ON r.id = c.representative_id AND r.status = 'published'
WHERE c.consultation_id = $1::integer AND c.published > 0
ORDER BY c.id
