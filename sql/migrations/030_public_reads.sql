-- The newest-first list of a part (sql/queries/proposal_list.sql) reads this index in order
-- from its cursor: page 500 costs what page 1 costs. Most supported first already has
-- proposal_part_supported (005). kenes.proposal is partitioned by id: one index per partition.
CREATE INDEX proposal_part_newest ON kenes.proposal (part_id, created_at DESC, id DESC)
    WHERE status = 'published';

-- The public overview of a draft (GET /consultations/{slug}, sql/queries/consultation_overview.sql)
-- shows each part's published proposals with each campaign counted once, beside the raw count.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT SELECT ON kenes.campaign_count TO kenes_handler;
    END IF;
END
$$;
