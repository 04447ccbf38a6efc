-- Published proposals without their submitter: what analysts read instead of kenes.proposal.
-- security_barrier: a function in an analyst's WHERE clause never sees a hidden row.
CREATE OR REPLACE VIEW kenes.published_proposal WITH (security_barrier) AS
SELECT p.id, c.slug AS consultation, v.number AS version, kenes.part_target(pt) AS target,
       p.part_id, p.stance,
       ARRAY(SELECT t.slug FROM kenes.proposal_topic x JOIN kenes.topic t ON t.id = x.topic_id
             WHERE x.proposal_id = p.id ORDER BY t.ordinal) AS topics,
       p.text, p.proposed_wording, p.lang, p.region, p.channel, p.created_at,
       p.support_count AS supports
FROM kenes.proposal p
JOIN kenes.consultation c ON c.id = p.consultation_id
JOIN kenes.draft_version v ON v.id = p.version_id
JOIN kenes.part pt ON pt.id = p.part_id
WHERE p.status = 'published';
