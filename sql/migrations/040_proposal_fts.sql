-- 040: the staff search reads a stored text-search vector (docs/STAFF.md, "Proposal search").
-- The three partial expression indexes of 029 let the planner see neither how often a word
-- occurs nor that a row's vector is already computed: a word that matches nothing (a typo)
-- was searched by walking every proposal newest first and running to_tsvector and a trigram
-- similarity on each, past the statement timeout at 1M proposals. Now each proposal keeps its
-- vector, made with its language's configuration (russian, english; simple for Kazakh, which
-- PostgreSQL has no stemmer for), under one GIN index that has statistics of its own.
-- Adding the column rewrites kenes.proposal under an exclusive lock: about 3 minutes at 1M
-- proposals on the 2-core test machine, well under a second at 10,000.
ALTER TABLE kenes.proposal ADD COLUMN IF NOT EXISTS fts tsvector GENERATED ALWAYS AS (
    CASE lang WHEN 'ru' THEN to_tsvector('russian'::regconfig, text)
              WHEN 'en' THEN to_tsvector('english'::regconfig, text)
              ELSE to_tsvector('simple'::regconfig, text) END) STORED;
CREATE INDEX IF NOT EXISTS proposal_fts ON kenes.proposal USING gin (fts);
DROP INDEX IF EXISTS kenes.proposal_fts_ru, kenes.proposal_fts_en, kenes.proposal_fts_kk;

-- Kazakh inflected forms (жерлері, жерлеріміз) were found by trigram word similarity against
-- every text, which no index bounds: each candidate row's whole text was compared again. The
-- similarity now looks up the words of Kazakh texts (pg_trgm's "text search integration"), and
-- the words it finds search the vectors above. The aggregator's refresh adds the words of the
-- proposals it counts (sql/aggregator/tally_apply.sql); the trigram index over every Kazakh
-- text (its largest per-insert cost) goes.
CREATE TABLE kenes.search_word (
    word text PRIMARY KEY
);
CREATE INDEX search_word_trgm ON kenes.search_word USING gin (word public.gin_trgm_ops);
INSERT INTO kenes.search_word
SELECT DISTINCT w.word FROM kenes.proposal p CROSS JOIN LATERAL unnest(tsvector_to_array(p.fts)) AS w(word)
WHERE p.lang = 'kk'
ON CONFLICT DO NOTHING;
DROP INDEX IF EXISTS kenes.proposal_trgm_kk;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT, INSERT ON kenes.search_word TO kenes_aggregator;
    END IF;
    -- words of published and hidden texts alike: read only by the staff search
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT SELECT ON kenes.search_word TO kenes_handler;
        GRANT SELECT (fts) ON kenes.proposal TO kenes_handler;
    END IF;
END
$$;
