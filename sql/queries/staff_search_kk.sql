-- The Kazakh query of the staff search's words $1 (staff_proposal_search's $16), as tsquery
-- text. PostgreSQL has no Kazakh stemmer: texts have the `simple` configuration (whole words).
-- A single word also matches as a prefix (жерлері finds жерлеріміз) and as every Kazakh word
-- of the texts it is similar to (pg_trgm's word similarity, %>: кітап finds кітабы), looked up
-- in kenes.search_word (sql/migrations/040), at most 200, the closest first. Several words are
-- whole words only: one close word would otherwise match every text.
SELECT (CASE WHEN strpos(btrim($1::text), ' ') > 0 OR numnode(k.q) <> 1 THEN k.q
             ELSE (k.q::text || ':*')::tsquery
                  || coalesce((SELECT kenes.tsquery_any(plainto_tsquery('simple'::regconfig, x.word))
                               FROM (SELECT w.word FROM kenes.search_word w
                                     WHERE w.word OPERATOR(public.%>) btrim($1::text)
                                     ORDER BY public.word_similarity(btrim($1::text), w.word) DESC, w.word
                                     LIMIT 200) AS x),
                              k.q) END)::text
FROM (SELECT plainto_tsquery('simple'::regconfig, $1::text) AS q) AS k
