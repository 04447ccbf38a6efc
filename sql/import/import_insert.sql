-- Inserts the staged chunk: each row on its part of the consultation's current draft
-- version, and nothing that is stored already (the unique index of migration 008 decides,
-- also against a concurrent import; kenes-import drops repeats within a chunk before
-- staging). Topics join back by that same key. The tally triggers of migration 010 see
-- every inserted proposal and topic, as for the API's inserts.
-- Returns: the lines whose part is gone (the draft changed), proposals inserted.
WITH resolved AS (
    SELECT s.*, c.id AS consultation_id, v.id AS version_id, p.id AS part_id
    FROM pg_temp.import_stage s
    LEFT JOIN kenes.consultation c ON c.slug = s.consultation
    LEFT JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
    LEFT JOIN kenes.part p ON p.version_id = v.id AND p.kind = s.kind
                          AND coalesce(p.number, 0) = coalesce(s.number, 0)),
inserted AS (
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text,
                                proposed_wording, lang, region, channel, submitter, created_at,
                                source, source_id)
    SELECT consultation_id, version_id, part_id, stance, text, wording, lang, region, 'import',
           submitter, coalesce(submitted_at, now()), source, source_id
    FROM resolved
    WHERE part_id IS NOT NULL
    ON CONFLICT (consultation_id, source, source_id) WHERE source IS NOT NULL DO NOTHING
    RETURNING id, consultation_id, source, source_id),
topics AS (
    INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
    SELECT i.id, t.id
    FROM inserted i
    JOIN resolved r USING (consultation_id, source, source_id)
    JOIN kenes.topic t ON t.consultation_id = r.consultation_id AND t.slug = ANY (r.topics)
    RETURNING 1)
SELECT (SELECT coalesce(array_agg(line ORDER BY line), '{}') FROM resolved
        WHERE part_id IS NULL) AS unresolved,
       (SELECT count(*) FROM inserted) AS inserted,
       (SELECT count(*) FROM topics) AS topics
