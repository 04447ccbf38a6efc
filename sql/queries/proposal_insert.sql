-- Stores one proposal with its topics in one statement (so in one transaction) and returns
-- it as JSON. The target is resolved on the consultation's current draft version; when the
-- target does not exist (the structure changed under the handler's cache) no row is stored
-- and no row is returned.
--   $1 consultation slug  $2 part kind  $3 part number or NULL  $4 stance  $5 text
--   $6 proposed wording or NULL  $7 lang  $8 region  $9 channel  $10 topic slugs (text[])
WITH target AS (
    SELECT c.id AS consultation_id, v.id AS version_id, p.id AS part_id
    FROM kenes.consultation c
    JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
    JOIN kenes.part p ON p.version_id = v.id AND p.kind = $2::text
                     AND p.number IS NOT DISTINCT FROM $3::integer
    WHERE c.slug = $1::text
), ins AS (
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text,
                                proposed_wording, lang, region, channel)
    SELECT consultation_id, version_id, part_id, $4::text, $5::text, $6::text, $7::text,
           $8::text, $9::text
    FROM target
    RETURNING id, consultation_id, version_id, part_id, stance, text, proposed_wording, lang,
              region, channel, status, created_at
), topics AS (
    INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
    SELECT ins.id, t.id
    FROM ins JOIN kenes.topic t ON t.consultation_id = ins.consultation_id
    WHERE t.slug = ANY ($10::text[])
    RETURNING topic_id
)
SELECT ins.id,
       (kenes.proposal_json(ins.id, ins.consultation_id, ins.version_id, ins.part_id, ins.stance,
                            ins.text, ins.proposed_wording, ins.lang, ins.region, ins.channel,
                            ins.status, ins.created_at)
        -- The topic rows are not visible to proposal_json within this statement.
        || jsonb_build_object('topics',
               (SELECT coalesce(jsonb_agg(t.slug ORDER BY t.ordinal), '[]')
                FROM kenes.topic t
                WHERE t.id IN (SELECT topic_id FROM topics))))::text
FROM ins
