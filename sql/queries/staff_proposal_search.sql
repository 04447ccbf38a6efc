-- The staff proposal search, newest first, a page at a time (keyset on id). Each language's
-- texts are searched with its own configuration (russian, english; Kazakh: $16, see
-- staff_search_terms.sql) in the stored vector kenes.proposal.fts and its GIN index
-- (sql/migrations/040). The words' queries are constants of the plan, so the planner
-- estimates how many rows they match from the column's statistics.
--   $1 consultation id  $2 search words or NULL  $3 part key (article:4) or NULL
--   $4 stance or NULL  $5 status ('published', 'hidden') or NULL for both  $6 channel or NULL
--   $7 first day or NULL  $8 last day or NULL (local days of the tallies' time zone, as
--   /api/v1/tallies counts them; UTC before the first refresh)  $9 topic slug or NULL
--   $10 region code or NULL  $11 only ids below this  $12 at most this many rows
--   $13 draft version number or NULL  $14 campaign id or NULL
--   $15 NULL, or look only at the $15 newest proposals below $11 (fcgi/staff_proposals.c)
--   $16 the words' Kazakh query, $17 the part's ids, $18 and $19 the period's first and
--   after-last instants: from staff_search_terms.sql
-- Columns: id, created_at (UTC), part key, part label en/ru/kk, stance, lang, status,
-- channel, region, text.
-- With words, the caller asks twice at most. First within the newest proposals ($15): walking
-- them newest first stops after a page when the words are common. When fewer than a page
-- match there, the words are rare, and it asks again without $15: ordered by `id + 0`, which no
-- index gives, so the rows come from the word's GIN index and are sorted. Either way is
-- bounded; a single plan is not, since no estimate tells a rare word from one that matches
-- nothing (a typo walked all 1M proposals).
-- The part's ids as an index condition on proposal_part combine with the word's GIN index (a
-- word, a part and a week at 1M proposals: 3 s when the part was a join, 0.1 s).
-- The part's key and labels are computed after the limit, in a lateral subquery (OFFSET 0 keeps
-- it one) that the planner memoizes per part: once per part of a page or a CSV batch instead of
-- once per row (a batch of 1,000 rows: about 50 ms instead of 220).
SELECT s.id, s.created, l.target, l.en, l.ru, l.kk, s.stance, s.lang, s.status, s.channel, s.region, s.text
FROM (
SELECT p.id, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS created, p.part_id, p.stance,
       p.lang, p.status, p.channel, p.region, p.text
FROM kenes.proposal p
WHERE p.consultation_id = $1::integer AND p.id < $11::bigint
  AND ($15::integer IS NULL OR p.id >= coalesce((SELECT w.id FROM kenes.proposal w WHERE w.id < $11::bigint
                                                 ORDER BY w.id DESC OFFSET $15::integer - 1 LIMIT 1), 0))
  AND ($2::text IS NULL OR p.fts @@ CASE p.lang WHEN 'ru' THEN plainto_tsquery('russian'::regconfig, $2::text)
                                              WHEN 'en' THEN plainto_tsquery('english'::regconfig, $2::text)
                                              ELSE $16::tsquery END)
  -- implied by the line above, for the GIN index; not in the window, which is walked instead
  AND ($2::text IS NULL OR $15::integer IS NOT NULL
       OR p.fts @@ (plainto_tsquery('russian'::regconfig, $2::text) || plainto_tsquery('english'::regconfig, $2::text)
                    || $16::tsquery))
  AND ($3::text IS NULL OR p.part_id = ANY ($17::integer[]))
  AND ($4::text IS NULL OR p.stance = $4::text)
  AND ($5::text IS NULL OR p.status = $5::text)
  AND ($6::text IS NULL OR p.channel = $6::text)
  AND ($7::date IS NULL OR p.created_at >= $18::timestamptz)
  AND ($8::date IS NULL OR p.created_at < $19::timestamptz)
  AND ($9::text IS NULL OR EXISTS (SELECT FROM kenes.proposal_topic x JOIN kenes.topic t ON t.id = x.topic_id
                                   WHERE x.proposal_id = p.id AND t.slug = $9::text))
  AND ($10::text IS NULL OR p.region = $10::text)
  AND ($13::integer IS NULL OR p.version_id = (SELECT v.id FROM kenes.draft_version v
                                                WHERE v.consultation_id = $1::integer AND v.number = $13::integer))
  AND ($14::bigint IS NULL OR EXISTS (SELECT FROM kenes.campaign_member m
                                      WHERE m.proposal_id = p.id AND m.campaign_id = $14::bigint))
ORDER BY CASE WHEN $2::text IS NULL OR $15::integer IS NOT NULL THEN p.id ELSE p.id + 0 END DESC
LIMIT $12::integer) AS s
JOIN kenes.part pt ON pt.id = s.part_id
CROSS JOIN LATERAL (SELECT kenes.part_target(pt) AS target, kenes.part_label_versioned(pt, 'en') AS en,
                           kenes.part_label_versioned(pt, 'ru') AS ru, kenes.part_label_versioned(pt, 'kk') AS kk
                    OFFSET 0) AS l
ORDER BY s.id DESC
