-- Full rebuild, step 2 of 6: what the tallies count for each published proposal.
-- $1 time zone. Returns the number of proposals.
WITH counted AS (
    INSERT INTO kenes.tally_applied
        (proposal_id, consultation_id, part_id, stance, region, channel, day, submitter, topic_ids)
    SELECT p.id, p.consultation_id, p.part_id, p.stance, p.region, p.channel,
           (p.created_at AT TIME ZONE $1::text)::date, p.submitter,
           coalesce(t.topic_ids, '{}')
    FROM kenes.proposal p
    LEFT JOIN (SELECT pt.proposal_id, array_agg(pt.topic_id ORDER BY pt.topic_id) AS topic_ids
               FROM kenes.proposal_topic pt GROUP BY pt.proposal_id) AS t ON t.proposal_id = p.id
    WHERE p.status = 'published'
    RETURNING 1)
SELECT count(*) FROM counted
