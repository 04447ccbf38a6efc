-- New texts of consultation $1, in the order first seen (their ids follow it: the order
-- leaders are met in): their digests $2 (16 bytes each) and signatures $3 (512 bytes each),
-- each one bytea of all texts in a row (parsing one long value is much faster than an array
-- of thousands), campaigns $4 (0: none), shingle counts $7, whether each leads $8; the LSH
-- band keys of the leaders $5, each with the 1-based position of its text in $6.
-- Returns: id, digest (hex).
WITH x AS (
    SELECT x.campaign, x.ord, x.shingles, x.leads,
           substring($2::bytea FROM (x.ord::integer - 1) * 16 + 1 FOR 16) AS digest,
           substring($3::bytea FROM (x.ord::integer - 1) * 512 + 1 FOR 512) AS signature
    FROM unnest($4::bigint[], $7::integer[], $8::boolean[]) WITH ORDINALITY AS x(campaign, shingles, leads, ord)),
texts AS (
    INSERT INTO kenes.campaign_text (consultation_id, digest, signature, campaign_id, shingles, leads)
    SELECT $1::integer, x.digest, x.signature, nullif(x.campaign, 0), x.shingles, x.leads
    FROM x ORDER BY x.ord
    RETURNING id, digest),
bands AS (
    INSERT INTO kenes.campaign_band (key, text_id)
    SELECT k.key, t.id
    FROM unnest($5::bigint[], $6::bigint[]) AS k(key, ord)
    JOIN x ON x.ord = k.ord
    JOIN texts t ON t.digest = x.digest
    ON CONFLICT DO NOTHING)
SELECT id, encode(digest, 'hex') FROM texts
