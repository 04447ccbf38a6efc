-- 013: who may read and write the tallies, reports and tokens.
--
--   kenes_aggregator  the batch aggregator: reads proposals (pseudonyms included, to count
--                     people), keeps the tallies, records sessions, issues reports, manages
--                     tokens. Never changes an issued report.
--   kenes_analyst     read-only SQL for analysts: the structure, the tallies, published
--                     proposals through kenes.published_proposal, issued reports. Never a
--                     pseudonym (no access to kenes.proposal or kenes.tally_applied).
--   kenes_handler     additionally reads the tallies and issued reports, and asks whether a
--                     bearer token is valid.
-- Roles are cluster-wide: created when this login may (as in 004), otherwise left to the
-- administrator, and the grants are applied on the next migration run after they exist.

-- Published proposals without their submitter: what analysts read instead of kenes.proposal.
-- security_barrier: a function in an analyst's WHERE clause never sees a hidden row.
CREATE VIEW kenes.published_proposal WITH (security_barrier) AS
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

-- The tally cells with readable keys: what an analyst queries first.
CREATE VIEW kenes.tally AS
SELECT c.id AS cell_id, k.slug AS consultation, c.dim, v.number AS version,
       kenes.part_target(p) AS target, t.slug AS topic, c.region, c.channel,
       to_char(c.week, 'IYYY-"W"IW') AS week, c.stance, c.proposals, c.people, c.supports
FROM kenes.tally_cell c
JOIN kenes.consultation k ON k.id = c.consultation_id
LEFT JOIN kenes.part p ON p.id = c.part_id
LEFT JOIN kenes.draft_version v ON v.id = p.version_id
LEFT JOIN kenes.topic t ON t.id = c.topic_id;

DO $$
DECLARE
    may_create boolean := (SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles
                           WHERE rolname = current_user);
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['kenes_aggregator', 'kenes_analyst'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            IF may_create THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            ELSE
                RAISE WARNING 'role % does not exist and % may not create it', r, current_user;
            END IF;
        END IF;
    END LOOP;

    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT USAGE ON SCHEMA kenes TO kenes_aggregator;
        GRANT SELECT ON kenes.consultation, kenes.draft_version, kenes.part, kenes.part_identity,
                        kenes.topic, kenes.region, kenes.channel, kenes.proposal,
                        kenes.proposal_topic, kenes.support TO kenes_aggregator;
        GRANT SELECT, INSERT, UPDATE, DELETE ON kenes.tally_change, kenes.tally_cell,
              kenes.tally_day, kenes.tally_applied, kenes.tally_applied_support,
              kenes.tally_state TO kenes_aggregator;
        GRANT SELECT ON kenes.tally, kenes.published_proposal TO kenes_aggregator;
        GRANT SELECT, INSERT ON kenes.commission_session, kenes.report, kenes.report_output
              TO kenes_aggregator;
        GRANT SELECT, INSERT ON kenes.staff_token TO kenes_aggregator;
        GRANT UPDATE (revoked_at) ON kenes.staff_token TO kenes_aggregator;
        GRANT EXECUTE ON FUNCTION kenes.tally_between, kenes.tally_analyze, kenes.staff_token_role
              TO kenes_aggregator;
    END IF;

    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_analyst') THEN
        GRANT USAGE ON SCHEMA kenes TO kenes_analyst;
        GRANT SELECT ON kenes.consultation, kenes.draft_version, kenes.part, kenes.part_identity,
                        kenes.topic, kenes.region, kenes.channel, kenes.tally_cell,
                        kenes.tally_day, kenes.tally_state, kenes.tally, kenes.published_proposal,
                        kenes.commission_session, kenes.report, kenes.report_output
              TO kenes_analyst;
        GRANT EXECUTE ON FUNCTION kenes.tally_between TO kenes_analyst;
    END IF;

    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT SELECT ON kenes.channel, kenes.tally_cell, kenes.tally_day, kenes.tally_state,
                        kenes.commission_session, kenes.report, kenes.report_output
              TO kenes_handler;
        GRANT EXECUTE ON FUNCTION kenes.tally_between, kenes.staff_token_role TO kenes_handler;
    END IF;
END
$$;
