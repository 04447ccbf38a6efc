-- New texts of consultation $1: digests $2 and signatures $3 (hex), campaigns $4 (0: none);
-- their LSH band keys $5, each with the 1-based position of its text in $2 in $6.
-- Returns: id, digest (hex).
WITH x AS (
    SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY
                  AS x(digest, signature, campaign, ord)),
texts AS (
    INSERT INTO kenes.campaign_text (consultation_id, digest, signature, campaign_id)
    SELECT $1::integer, decode(x.digest, 'hex'), decode(x.signature, 'hex'), nullif(x.campaign, 0)
    FROM x ORDER BY x.ord
    RETURNING id, digest),
bands AS (
    INSERT INTO kenes.campaign_band (key, text_id)
    SELECT k.key, t.id
    FROM unnest($5::bigint[], $6::bigint[]) AS k(key, ord)
    JOIN x ON x.ord = k.ord
    JOIN texts t ON t.digest = decode(x.digest, 'hex')
    ON CONFLICT DO NOTHING)
SELECT id, encode(digest, 'hex') FROM texts
