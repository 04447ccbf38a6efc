-- The texts of consultation $1 already known, among the digests $2 (hex).
-- Returns: id, digest (hex), campaign (0: none).
SELECT t.id, encode(t.digest, 'hex'), coalesce(t.campaign_id, 0)
FROM kenes.campaign_text t
WHERE t.consultation_id = $1::integer
  AND t.digest IN (SELECT decode(h, 'hex') FROM unnest($2::text[]) AS h)
