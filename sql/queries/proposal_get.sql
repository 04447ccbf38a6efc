-- $1 proposal id. One row with the proposal as JSON (with its support count) when it
-- exists and is published.
SELECT kenes.proposal_json_by_id(p.id)::text
FROM kenes.proposal p
WHERE p.id = $1::bigint AND p.status = 'published'
