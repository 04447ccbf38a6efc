-- Published proposals on one part of a consultation's draft (the current version, or $6), a
-- page at a time: newest first or most supported first. One statement for both orders: each
-- branch is a keyset scan of its own partial index (sql/migrations/030_public_reads.sql) that
-- runs only when $4 names it (a one-time filter), so a page after a cursor costs what the first
-- page costs. Counts are the stored kenes.proposal.support_count; no function is called per row
-- except part_target, which PostgreSQL inlines.
--   $1 consultation slug  $2 part kind  $3 part number or NULL  $4 'newest' or 'supported'
--   $5 limit  $6 draft version number, or NULL for the current one
--   $7 cursor key or NULL for the first page: created_at in microseconds since the epoch
--      (newest), or support_count (supported)  $8 cursor id or NULL
--   $9 offset (the older ?page=; 0 with a cursor)
--   $10 true for the HTML page, which shows a card of each proposal: its columns instead of
--       the document, which is then not built (parsing 21 documents was the page's largest
--       cost in the handler, docs/BENCHMARKS.md)
-- Columns: the proposal as JSON (the shape of kenes.proposal_json_by_id; NULL for the page),
-- its cursor key, its id; for the page only (NULL otherwise): stance, text, support count,
-- the day it was made (YYYY-MM-DD in the session's time zone, as the JSON's created_at).
WITH part AS (
    SELECT pt.id
    FROM kenes.consultation c
    JOIN kenes.draft_version v ON v.consultation_id = c.id
                             AND CASE WHEN $6::integer IS NULL THEN v.is_current ELSE v.number = $6::integer END
    JOIN kenes.part pt ON pt.version_id = v.id AND pt.kind = $2::text
                      AND pt.number IS NOT DISTINCT FROM $3::integer
    WHERE c.slug = $1::text),
page AS (
    (SELECT p.id, (extract(epoch FROM p.created_at) * 1000000)::bigint AS key
     FROM kenes.proposal p
     WHERE p.part_id = (SELECT id FROM part) AND $4::text = 'newest' AND p.status = 'published'
       AND (p.created_at, p.id) < (coalesce('epoch'::timestamptz + $7::bigint * interval '1 microsecond',
                                            'infinity'),
                                   coalesce($8::bigint, 9223372036854775807))
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT $5::integer OFFSET $9::integer)
    UNION ALL
    (SELECT p.id, p.support_count
     FROM kenes.proposal p
     WHERE p.part_id = (SELECT id FROM part) AND $4::text = 'supported' AND p.status = 'published'
       AND (p.support_count, p.id) < (coalesce($7::bigint, 2147483648), coalesce($8::bigint, 9223372036854775807))
     ORDER BY p.support_count DESC, p.id DESC
     LIMIT $5::integer OFFSET $9::integer))
SELECT CASE WHEN NOT $10::boolean THEN d.doc::text END, page.key, page.id,
       CASE WHEN $10::boolean THEN d.stance END, CASE WHEN $10::boolean THEN d.text END,
       CASE WHEN $10::boolean THEN d.supports END,
       CASE WHEN $10::boolean THEN to_char(d.created_at, 'YYYY-MM-DD') END
FROM page
CROSS JOIN LATERAL kenes.proposal_doc(page.id) d
ORDER BY page.key DESC, page.id DESC
