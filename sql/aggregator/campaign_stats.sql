-- Recounts campaigns $1 from their members: size (every member), and over the published
-- ones: people (distinct identified submitters: an anonymous proposal is no person, as in the
-- tallies),
-- distinct texts, the representative (the text that leads the campaign, which every member
-- is close to, as its first published proposal typed it; the most frequent text when none of
-- the leader's proposals is published), first and last seen, regions, channels, and the burst (most members in one minute).
-- Campaigns left without members go. Returns: campaigns recounted, campaigns dropped.
WITH m AS (
    SELECT cm.campaign_id, p.id, p.submitter, p.region, p.channel, p.created_at,
           p.status = 'published' AS published, cp.text_id
    FROM kenes.campaign_member cm
    JOIN kenes.proposal p ON p.id = cm.proposal_id
    JOIN kenes.campaign_proposal cp ON cp.proposal_id = cm.proposal_id
    WHERE cm.campaign_id = ANY($1::bigint[])),
sums AS (
    SELECT campaign_id, count(*) AS size, count(*) FILTER (WHERE published) AS published,
           count(DISTINCT submitter) FILTER (WHERE published) AS people,
           count(DISTINCT text_id) AS texts,
           min(created_at) FILTER (WHERE published) AS first_seen,
           max(created_at) FILTER (WHERE published) AS last_seen
    FROM m GROUP BY campaign_id),
regions AS (
    SELECT campaign_id, jsonb_object_agg(region, n) AS regions
    FROM (SELECT campaign_id, region, count(*) AS n FROM m WHERE published GROUP BY 1, 2) AS r
    GROUP BY campaign_id),
channels AS (
    SELECT campaign_id, jsonb_object_agg(channel, n) AS channels
    FROM (SELECT campaign_id, channel, count(*) AS n FROM m WHERE published GROUP BY 1, 2) AS c
    GROUP BY campaign_id),
bursts AS (
    SELECT DISTINCT ON (campaign_id) campaign_id, minute, n
    FROM (SELECT campaign_id, date_trunc('minute', created_at) AS minute, count(*) AS n
          FROM m WHERE published GROUP BY 1, 2) AS b
    ORDER BY campaign_id, n DESC, minute),
texts AS (
    SELECT DISTINCT ON (campaign_id) campaign_id, text_id
    FROM (SELECT m.campaign_id, m.text_id, count(*) AS n, bool_or(ct.leads) AS leads
          FROM m JOIN kenes.campaign_text ct ON ct.id = m.text_id
          WHERE m.published GROUP BY 1, 2) AS t
    ORDER BY campaign_id, leads DESC, n DESC, text_id),
representative AS (
    SELECT DISTINCT ON (t.campaign_id) t.campaign_id, m.id
    FROM texts t JOIN m ON m.campaign_id = t.campaign_id AND m.text_id = t.text_id AND m.published
    ORDER BY t.campaign_id, m.id),
updated AS (
    UPDATE kenes.campaign c
    SET size = s.size, published = s.published, people = s.people, texts = s.texts,
        first_seen = s.first_seen, last_seen = s.last_seen,
        regions = coalesce(r.regions, '{}'), channels = coalesce(ch.channels, '{}'),
        burst_per_minute = coalesce(b.n, 0), burst_at = b.minute,
        representative_id = rp.id,
        representative = coalesce((SELECT p.text FROM kenes.proposal p WHERE p.id = rp.id), ''),
        updated_at = now()
    FROM sums s
    LEFT JOIN regions r ON r.campaign_id = s.campaign_id
    LEFT JOIN channels ch ON ch.campaign_id = s.campaign_id
    LEFT JOIN bursts b ON b.campaign_id = s.campaign_id
    LEFT JOIN representative rp ON rp.campaign_id = s.campaign_id
    WHERE c.id = s.campaign_id
    RETURNING c.id),
emptied AS (
    DELETE FROM kenes.campaign c
    WHERE c.id = ANY($1::bigint[])
      AND NOT EXISTS (SELECT FROM kenes.campaign_member cm WHERE cm.campaign_id = c.id)
      AND NOT EXISTS (SELECT FROM kenes.campaign_text t WHERE t.campaign_id = c.id)
    RETURNING c.id)
SELECT (SELECT count(*) FROM updated), (SELECT count(*) FROM emptied)
