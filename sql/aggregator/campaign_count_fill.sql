-- Published proposals and distinct texts (each campaign counted once) of consultation $1,
-- per part and stance, per part, per stance and in all (part NULL: the whole consultation).
INSERT INTO kenes.campaign_count (consultation_id, part_id, stance, proposals, texts)
SELECT $1::integer, x.part_id, coalesce(x.stance, 'all'), count(*),
       count(DISTINCT coalesce(-x.campaign_id, x.id))
FROM (SELECT p.id, p.part_id, p.stance, m.campaign_id
      FROM kenes.proposal p
      LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
      WHERE p.consultation_id = $1::integer AND p.status = 'published') AS x
GROUP BY GROUPING SETS ((x.part_id, x.stance), (x.part_id), (x.stance), ())
