-- Campaigns found to be one: each of $1 joins the matching one of $2 (texts and members
-- move, the emptied campaign goes). Returns how many went.
WITH pairs AS (SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS x(old_id, new_id)),
     texts AS (
         UPDATE kenes.campaign_text t SET campaign_id = p.new_id FROM pairs p
         WHERE t.campaign_id = p.old_id),
     members AS (
         UPDATE kenes.campaign_member m SET campaign_id = p.new_id FROM pairs p
         WHERE m.campaign_id = p.old_id),
     gone AS (
         DELETE FROM kenes.campaign c USING pairs p WHERE c.id = p.old_id RETURNING c.id)
SELECT count(*) FROM gone
