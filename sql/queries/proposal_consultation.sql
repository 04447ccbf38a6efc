-- $1 proposal id. The slug of its consultation, when the proposal exists and is published:
-- all that an action on it sent as JSON needs (a support, an identity report). proposal_get
-- costs ~10 times more (its SQL functions are planned again on every call).
SELECT c.slug
FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
WHERE p.id = $1::bigint AND p.status = 'published'
