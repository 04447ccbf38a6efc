-- 026: campaigns through leaders (aggregator/cluster.c): every member of a campaign is close to
-- its leader, never only to another member.
--
-- Texts are taken in the order first seen; each follows the leader it matches best among the
-- leaders before it, or leads. Only leaders are ever candidates, so only leaders keep band keys
-- (kenes.campaign_band). A match needs enough shared text, estimated from the two texts'
-- shingle counts. The method string changes with this, so the first refresh after it rebuilds
-- the campaigns: the defaults below are never read.
ALTER TABLE kenes.campaign_text
    ADD COLUMN shingles integer NOT NULL DEFAULT 0,  -- distinct character 5-shingles of the text
    ADD COLUMN leads boolean NOT NULL DEFAULT true;  -- it leads its campaign (or is alone)
