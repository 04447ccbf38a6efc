-- The queue of campaign bursts on the staff moderation page (fcgi/staff_moderation.c): the
-- campaigns the aggregator found with $1 or more published members sent within one minute
-- (its campaign_burst setting, 10 by default), largest burst first, as of its last refresh
-- (kenes.campaign's stored figures). A campaign leaves the queue when none of its members is
-- published any more (hidden as a whole, say). kenes.campaign holds a row per campaign, a
-- few thousand at most: no index is needed for this scan.
--   $1 members in one minute that make a burst  $2 at most this many rows
-- Columns: campaign id, members in its busiest minute, that minute (UTC), size, published,
-- first and last seen (UTC), the first 200 characters of its most frequent text.
SELECT c.id, c.burst_per_minute, to_char(c.burst_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
       c.size, c.published, to_char(c.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
       to_char(c.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), left(c.representative, 200)
FROM kenes.campaign c
WHERE c.burst_per_minute >= $1::integer AND c.published > 0
ORDER BY c.burst_per_minute DESC, c.id DESC
LIMIT $2::integer
