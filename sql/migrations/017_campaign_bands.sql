-- 017: LSH band keys of campaign texts in a B-tree table instead of a GIN-indexed array (014).
--
-- A new text looks up each of its band keys and reads at most a few texts per key, in key
-- order: an index probe each. With the array, `bands && $keys` rechecked every candidate
-- against every key asked for (PostgreSQL compares arrays pairwise), which made one batch of
-- a refresh take minutes on 20,000 texts. No foreign key to campaign_text: the aggregator
-- writes both together, and a rebuild clears both with one statement.

DROP INDEX kenes.campaign_text_bands;
ALTER TABLE kenes.campaign_text DROP COLUMN bands;

CREATE TABLE kenes.campaign_band (
    key      bigint NOT NULL,   -- LSH band key (the consultation and the band number mixed in)
    text_id  bigint NOT NULL,   -- kenes.campaign_text
    PRIMARY KEY (key, text_id)
);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT, INSERT, DELETE ON kenes.campaign_band TO kenes_aggregator;
    END IF;
END
$$;
