-- $1 proposal id. One row with the proposal as JSON (with its support count, and its part
-- on its own draft version: kenes.part_json) when it exists and is published.
SELECT (kenes.proposal_json_by_id(p.id) || jsonb_build_object('part', kenes.part_json(p.part_id)))::text
FROM kenes.proposal p
WHERE p.id = $1::bigint AND p.status = 'published'
