-- $1 proposal id. One row with the proposal as JSON when it exists and is published.
SELECT kenes.proposal_json(p.id, p.consultation_id, p.version_id, p.part_id, p.stance, p.text,
                           p.proposed_wording, p.lang, p.region, p.channel, p.status,
                           p.created_at)::text
FROM kenes.proposal p
WHERE p.id = $1::bigint AND p.status = 'published'
