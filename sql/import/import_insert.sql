-- Inserts the staged chunk, skipping what is stored already and rows whose draft version is
-- no longer current. The keys go first: kenes.proposal_source's primary key decides what is
-- new (also against a concurrent import, whose key it waits for; kenes-import drops repeats
-- within a chunk before staging), and each new key brings its proposal's id, with which
-- the proposal and its topics are inserted. The tally triggers (sql/triggers/tally_*.sql)
-- see every inserted proposal and topic.
-- Returns: the lines whose version is gone (the draft changed), proposals inserted.
WITH current AS (
    SELECT s.* FROM pg_temp.import_stage s
    JOIN kenes.draft_version v ON v.id = s.version_id AND v.is_current),
keyed AS (
    INSERT INTO kenes.proposal_source (consultation_id, source, source_id, proposal_id)
    SELECT consultation_id, source, source_id, kenes.proposal_next_id()
    FROM current
    ON CONFLICT DO NOTHING
    RETURNING consultation_id, source, source_id, proposal_id),
inserted AS (
    INSERT INTO kenes.proposal (id, consultation_id, version_id, part_id, stance, text,
                                proposed_wording, lang, region, channel, submitter, created_at,
                                source, source_id)
    SELECT k.proposal_id, consultation_id, c.version_id, c.part_id, c.stance, c.text, c.wording,
           c.lang, c.region, c.channel, c.submitter, c.created_at, source, source_id
    FROM keyed k JOIN current c USING (consultation_id, source, source_id)
    RETURNING id),
topics AS (
    INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
    SELECT k.proposal_id, t.topic_id
    FROM keyed k
    JOIN current c USING (consultation_id, source, source_id)
    CROSS JOIN LATERAL unnest(c.topic_ids) AS t(topic_id)
    RETURNING 1)
SELECT (SELECT coalesce(array_agg(s.line ORDER BY s.line), '{}') FROM pg_temp.import_stage s
        WHERE NOT EXISTS (SELECT FROM kenes.draft_version v WHERE v.id = s.version_id AND v.is_current)) AS unresolved,
       (SELECT count(*) FROM inserted) AS inserted,
       (SELECT count(*) FROM topics) AS topics
