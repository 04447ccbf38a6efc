-- The leaders of consultation $1 that share an LSH band key with $2 (the keys of new texts;
-- only leaders have keys): the first $3 of each key (CLUSTER_MAX_TRIES), an index probe per
-- key, in the order they were first seen (their ids).
-- Returns: id, signature (hex), campaign (0: none), shingles.
SELECT t.id, encode(t.signature, 'hex'), coalesce(t.campaign_id, 0), t.shingles
FROM kenes.campaign_text t
WHERE t.consultation_id = $1::integer
  AND t.id IN (SELECT b.text_id
               FROM (SELECT DISTINCT q FROM unnest($2::bigint[]) AS q) AS want
               CROSS JOIN LATERAL (SELECT b.text_id FROM kenes.campaign_band b
                                   WHERE b.key = want.q ORDER BY b.text_id LIMIT $3::integer) AS b)
ORDER BY t.id
