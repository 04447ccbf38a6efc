-- The open-data archive: published proposals, in id order. $1 consultation id.
-- Never the submitter (a pseudonym), never a hidden proposal: status = 'published' only.
-- campaign_id: the campaign (near-identical texts) the proposal belongs to, if any.
SELECT p.id, v.number AS version, p.part_id, kenes.part_target(pt) AS target, p.stance,
       (SELECT coalesce(json_agg(t.slug ORDER BY t.ordinal, t.slug), '[]'::json)
        FROM kenes.proposal_topic x JOIN kenes.topic t ON t.id = x.topic_id
        WHERE x.proposal_id = p.id) AS topics,
       p.text, p.proposed_wording, p.lang, p.region, p.channel,
       to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       p.support_count AS supports, m.campaign_id
FROM kenes.proposal p
JOIN kenes.draft_version v ON v.id = p.version_id
JOIN kenes.part pt ON pt.id = p.part_id
LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
WHERE p.consultation_id = $1::integer AND p.status = 'published'
ORDER BY p.id
