-- Every consultation that is not a draft, with the structure the form and validation use.
SELECT c.slug,
       (kenes.consultation_json(c.id)
        || jsonb_build_object('identity', jsonb_build_object(
               'policy', c.identity_policy,
               'proposals_require_identity', c.proposals_require_identity,
               'supports_require_identity', true)))::text
FROM kenes.consultation c
WHERE c.status <> 'draft'
ORDER BY c.id
