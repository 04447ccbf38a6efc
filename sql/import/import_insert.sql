-- Inserts the staged chunk, skipping what is stored already (the unique index of migration
-- 008 decides, also against a concurrent import; kenes-import drops repeats within a chunk
-- before staging) and rows whose draft version is no longer current. Topics join back by
-- the same key. The tally triggers of migration 010 see every inserted proposal and topic.
-- Returns: the lines whose version is gone (the draft changed), proposals inserted.
WITH current AS (
    SELECT s.* FROM pg_temp.import_stage s
    JOIN kenes.draft_version v ON v.id = s.version_id AND v.is_current),
inserted AS (
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text,
                                proposed_wording, lang, region, channel, submitter, created_at,
                                source, source_id)
    SELECT consultation_id, version_id, part_id, stance, text, wording, lang, region, channel,
           submitter, created_at, source, source_id
    FROM current
    ON CONFLICT (consultation_id, source, source_id) WHERE source IS NOT NULL DO NOTHING
    RETURNING id, consultation_id, source, source_id),
topics AS (
    INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
    SELECT i.id, t.topic_id
    FROM inserted i
    JOIN current c USING (consultation_id, source, source_id)
    CROSS JOIN LATERAL unnest(c.topic_ids) AS t(topic_id)
    RETURNING 1)
SELECT (SELECT coalesce(array_agg(s.line ORDER BY s.line), '{}') FROM pg_temp.import_stage s
        WHERE NOT EXISTS (SELECT FROM kenes.draft_version v WHERE v.id = s.version_id AND v.is_current)) AS unresolved,
       (SELECT count(*) FROM inserted) AS inserted,
       (SELECT count(*) FROM topics) AS topics
