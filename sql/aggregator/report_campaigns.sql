-- The campaigns of consultation $1 with published members made on local days [$2, $3]
-- (time zone $4), largest first, at most $5, and the most frequent text of each cut to $6
-- characters. Counts are over the members in the period: proposals, distinct identified people
-- (an anonymous proposal is no person), distinct texts, first and last, the busiest minute; regions
-- and channels as {"code": n}. A campaign reaching $7 proposals in one minute is a burst.
-- Columns: id, proposals, people, texts, first, last, burst per minute, its minute, burst,
-- regions, channels, excerpt, all-time size, the representative text in full (as typed).
WITH m AS (
    SELECT cm.campaign_id, p.id, p.submitter, p.region, p.channel, p.created_at, cp.text_id
    FROM kenes.proposal p
    JOIN kenes.campaign_member cm ON cm.proposal_id = p.id
    JOIN kenes.campaign_proposal cp ON cp.proposal_id = p.id
    WHERE p.consultation_id = $1::integer AND p.status = 'published'
      AND p.created_at >= ($2::date::timestamp AT TIME ZONE $4::text)
      AND p.created_at < (($3::date + 1)::timestamp AT TIME ZONE $4::text)),
sums AS (
    SELECT campaign_id, count(*) AS proposals,
           count(DISTINCT submitter) AS people,
           count(DISTINCT text_id) AS texts, min(created_at) AS first_seen, max(created_at) AS last_seen
    FROM m GROUP BY campaign_id
    ORDER BY count(*) DESC, campaign_id
    LIMIT $5::integer),
bursts AS (
    SELECT DISTINCT ON (campaign_id) campaign_id, minute, n
    FROM (SELECT m.campaign_id, date_trunc('minute', m.created_at) AS minute, count(*) AS n
          FROM m JOIN sums USING (campaign_id) GROUP BY 1, 2) AS b
    ORDER BY campaign_id, n DESC, minute),
regions AS (
    SELECT campaign_id, jsonb_object_agg(region, n ORDER BY n DESC, region) AS regions
    FROM (SELECT m.campaign_id, m.region, count(*) AS n FROM m JOIN sums USING (campaign_id) GROUP BY 1, 2) AS r
    GROUP BY campaign_id),
channels AS (
    SELECT campaign_id, jsonb_object_agg(channel, n ORDER BY n DESC, channel) AS channels
    FROM (SELECT m.campaign_id, m.channel, count(*) AS n FROM m JOIN sums USING (campaign_id) GROUP BY 1, 2) AS c
    GROUP BY campaign_id)
SELECT s.campaign_id, s.proposals, s.people, s.texts,
       to_char(s.first_seen AT TIME ZONE $4::text, 'YYYY-MM-DD HH24:MI'),
       to_char(s.last_seen AT TIME ZONE $4::text, 'YYYY-MM-DD HH24:MI'),
       b.n, to_char(b.minute AT TIME ZONE $4::text, 'YYYY-MM-DD HH24:MI'), b.n >= $7::integer,
       r.regions, ch.channels,
       CASE WHEN char_length(x.flat) <= $6::integer THEN x.flat
            ELSE coalesce(substring(left(x.flat, $6::integer + 1) FROM '^(.*\S)\s+\S*$'),
                          left(x.flat, $6::integer)) || '…' END,
       c.size, c.representative
FROM sums s
JOIN kenes.campaign c ON c.id = s.campaign_id
JOIN bursts b ON b.campaign_id = s.campaign_id
JOIN regions r ON r.campaign_id = s.campaign_id
JOIN channels ch ON ch.campaign_id = s.campaign_id
CROSS JOIN LATERAL (SELECT btrim(regexp_replace(c.representative, '\s+', ' ', 'g')) AS flat) AS x
WHERE s.proposals >= 2
ORDER BY s.proposals DESC, s.campaign_id
