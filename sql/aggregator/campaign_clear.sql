-- Forgets every campaign, text and signature, for a rebuild from scratch. One statement:
-- the foreign keys are checked at its end. Returns the campaigns that were dropped.
WITH members AS (DELETE FROM kenes.campaign_member),
     proposals AS (DELETE FROM kenes.campaign_proposal),
     bands AS (DELETE FROM kenes.campaign_band),
     texts AS (DELETE FROM kenes.campaign_text),
     counts AS (DELETE FROM kenes.campaign_count),
     campaigns AS (DELETE FROM kenes.campaign RETURNING id)
SELECT count(*) FROM campaigns
