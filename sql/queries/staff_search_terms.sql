-- What the staff search (staff_proposal_search) is given as constants of its plan, so that
-- the planner estimates their rows from the statistics (as subqueries of it, a part of 25% of
-- the proposals was taken for 445 rows, and a week of it, its time zone a subquery, for 1,242
-- rows instead of 38,000: read through that index alone, 0.46 s, combined with the word's
-- index, 0.04 s).
--   $1 consultation id  $2 search words or NULL  $3 part key (article:4) or NULL
--   $4 first day or NULL  $5 last day or NULL (local days of the tallies' time zone, as
--   /api/v1/tallies counts them; UTC before the first refresh)
-- Columns:
--   kk     the words' Kazakh query (its $16, tsquery text; NULL without words). PostgreSQL
--          has no Kazakh stemmer: texts have the `simple` configuration (whole words). A single
--          word also matches as a prefix (жерлері finds жерлеріміз) and as every Kazakh word of
--          the texts it is similar to (pg_trgm's word similarity, %>: кітап finds кітабы),
--          looked up in kenes.search_word (sql/migrations/040), at most 200, the closest first.
--          Several words are whole words only: one close word would otherwise match every text.
--   parts  the part's ids, one per draft version that has it (its $17, an integer array
--          literal; NULL without a part, '{}' for a part no version has)
--   from_at, to_at  the first instant of day $4, the first after day $5 (its $18, $19)
SELECT (CASE WHEN strpos(btrim($2::text), ' ') > 0 OR numnode(k.q) <> 1 THEN k.q
             ELSE (k.q::text || ':*')::tsquery
                  || coalesce(kenes.tsquery_any(ARRAY(
                                  SELECT plainto_tsquery('simple'::regconfig, w.word) FROM kenes.search_word w
                                  WHERE w.word OPERATOR(public.%>) btrim($2::text)
                                  ORDER BY public.word_similarity(btrim($2::text), w.word) DESC, w.word
                                  LIMIT 200)),
                              k.q) END)::text AS kk,
       CASE WHEN $3::text IS NOT NULL THEN
           ARRAY(SELECT x.id FROM kenes.part x JOIN kenes.draft_version xv ON xv.id = x.version_id
                 WHERE xv.consultation_id = $1::integer AND kenes.part_target(x) = $3::text
                 ORDER BY x.id)::text END AS parts,
       $4::date::timestamp AT TIME ZONE tz.zone AS from_at, ($5::date + 1)::timestamp AT TIME ZONE tz.zone AS to_at
FROM (SELECT plainto_tsquery('simple'::regconfig, $2::text) AS q) AS k
CROSS JOIN (SELECT coalesce((SELECT s.time_zone FROM kenes.tally_state s), 'UTC') AS zone) AS tz
