-- Group commit, set-based: the handler's writer stores the proposals that arrive together
-- with one call (sql/queries/proposal_store_batch.sql), so one transaction and one commit.
-- kenes.proposal_store_set stores the whole batch with a few statements; if that fails, the
-- batch is stored again row by row (kenes.batch_store), so a bad row fails alone (500).
--
-- One job, as the handler sends it (a JSON object per proposal, fcgi/proposal.c):
--   ord, consultation (slug), kind, number, stance, text, proposed_wording, lang, region,
--   channel, topics (slugs), version (the draft version number it was validated against) or
--   absent, submitter (hex) or absent, key or absent, hash (hex), per_hour,
--   and for keyed jobs body_mid and body_tail: the 201 body is
--   '{"id": ' || id || body_mid || created_at as JSON || body_tail, stored for replays.
-- One kenes.batch_outcome per job, in "ord" order, with the new id and created_at: the
-- handler writes the 201 body itself (fcgi/created.c) in the byte-for-byte shape of
-- kenes.proposal_json_by_id.
CREATE OR REPLACE FUNCTION kenes.proposal_store_batch(jobs jsonb)
RETURNS SETOF kenes.batch_outcome
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM kenes.batch_store('proposal', jobs)
$$;
