-- $1 proposal id. One row with the proposal as JSON (with its support count, and its part
-- on its own draft version) when it exists and is published.
-- The same document as kenes.proposal_json_by_id(id) || {part: kenes.part_json(part_id)}, from
-- kenes.proposal_doc and kenes.part_doc, which PostgreSQL inlines in FROM: prepared once per
-- connection, it reads the proposal by its primary key (proposal_json_by_id cannot be
-- inlined, a SET clause, so each call parsed and planned its body again, ~2.7 ms).
SELECT (d.doc || jsonb_build_object('part', part.doc))::text
FROM kenes.proposal_doc($1::bigint) d
LEFT JOIN LATERAL kenes.part_doc(d.part_id) part ON true
