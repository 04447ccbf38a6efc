-- 028: positions and dispositions: the Commission's comparative table (docs/POSITIONS.md).
--
-- A position is one thing people asked for on one part of a draft version (a "general"
-- part included): a label and a summary written by staff in kk/ru/en (at least one label),
-- the proposals that make it, and the decision taken for the next version with its reason
-- and the part of the new version it went to.
--
--   position           the positions (merged_into set: merged away, kept for the log)
--   position_member    proposals placed by a person, one row per part and proposal: so a
--                      proposal is in at most one position per part. position_id NULL keeps
--                      a campaign's member out of the position its campaign is in
--   position_campaign  a whole campaign placed in one step, named by one of its proposals
--                      (the anchor), so the campaign's future members join too and a rebuild
--                      of the campaigns (new ids) keeps it
--   position_log       every change: who (the token), when, what, why; append-only
--
-- kenes.position_placement (sql/views) is where each proposal is, all of that applied.
-- The handler's role writes only through kenes.position_act, which looks the token up itself.

CREATE TABLE kenes.position (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  integer NOT NULL,
    version_id       integer NOT NULL,
    part_id          integer NOT NULL,
    label_kk         text CHECK (char_length(label_kk) BETWEEN 1 AND 200),
    label_ru         text CHECK (char_length(label_ru) BETWEEN 1 AND 200),
    label_en         text CHECK (char_length(label_en) BETWEEN 1 AND 200),
    summary_kk       text CHECK (char_length(summary_kk) BETWEEN 1 AND 4000),
    summary_ru       text CHECK (char_length(summary_ru) BETWEEN 1 AND 4000),
    summary_en       text CHECK (char_length(summary_en) BETWEEN 1 AND 4000),
    decision         text CHECK (decision IN ('accepted', 'partly', 'not_accepted', 'outside_scope')),
    reason_kk        text CHECK (char_length(reason_kk) BETWEEN 1 AND 4000),
    reason_ru        text CHECK (char_length(reason_ru) BETWEEN 1 AND 4000),
    reason_en        text CHECK (char_length(reason_en) BETWEEN 1 AND 4000),
    target_part_id   integer REFERENCES kenes.part,  -- where it went in the new version
    merged_into      bigint REFERENCES kenes.position,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(label_kk, label_ru, label_en) > 0),
    CHECK (target_part_id IS NULL OR decision IN ('accepted', 'partly')),
    CHECK (decision IS NOT NULL OR num_nonnulls(reason_kk, reason_ru, reason_en) = 0),
    FOREIGN KEY (version_id, consultation_id) REFERENCES kenes.draft_version (id, consultation_id),
    FOREIGN KEY (part_id, version_id) REFERENCES kenes.part (id, version_id),
    UNIQUE (id, part_id)
);
CREATE INDEX position_part ON kenes.position (part_id) WHERE merged_into IS NULL;
CREATE INDEX position_version ON kenes.position (version_id);

CREATE TABLE kenes.position_member (
    part_id      integer NOT NULL,
    proposal_id  bigint NOT NULL REFERENCES kenes.proposal ON DELETE CASCADE,
    position_id  bigint,
    PRIMARY KEY (part_id, proposal_id),
    FOREIGN KEY (position_id, part_id) REFERENCES kenes.position (id, part_id)
);
CREATE INDEX position_member_position ON kenes.position_member (position_id);
CREATE INDEX position_member_proposal ON kenes.position_member (proposal_id);

CREATE TABLE kenes.position_campaign (
    part_id      integer NOT NULL,
    anchor_id    bigint NOT NULL REFERENCES kenes.proposal ON DELETE CASCADE,
    position_id  bigint NOT NULL,
    placed_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (part_id, anchor_id),
    FOREIGN KEY (position_id, part_id) REFERENCES kenes.position (id, part_id)
);
CREATE INDEX position_campaign_position ON kenes.position_campaign (position_id);

CREATE TABLE kenes.position_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    token_id       integer NOT NULL REFERENCES kenes.staff_token,
    actor          text NOT NULL,
    role           text NOT NULL,
    action         text NOT NULL CHECK (action IN ('create', 'edit', 'merge', 'split', 'assign', 'unassign',
                                                   'disposition', 'suggestion_accept', 'suggestion_edit',
                                                   'suggestion_reject')),
    position_id    bigint,
    suggestion_id  bigint,
    detail         jsonb NOT NULL DEFAULT '{}',  -- what changed: ids, fields, before and after
    affected       integer NOT NULL CHECK (affected >= 0),  -- proposals whose place changed
    reason         text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000)
);
CREATE INDEX position_log_position ON kenes.position_log (position_id);
CREATE TRIGGER position_log_append_only BEFORE UPDATE OR DELETE ON kenes.position_log
    FOR EACH ROW EXECUTE FUNCTION kenes.append_only();
CREATE TRIGGER position_log_no_truncate BEFORE TRUNCATE ON kenes.position_log
    FOR EACH STATEMENT EXECUTE FUNCTION kenes.append_only();

-- The functions of sql/functions/ read it, so it exists before them (its file is the body).
CREATE VIEW kenes.position_placement AS
SELECT m.part_id, m.proposal_id, m.position_id, false AS via_campaign
FROM kenes.position_member m
WHERE m.position_id IS NOT NULL
UNION ALL
(SELECT DISTINCT ON (c.part_id, cm.proposal_id) c.part_id, cm.proposal_id, c.position_id, true
 FROM kenes.position_campaign c
 JOIN kenes.campaign_member a ON a.proposal_id = c.anchor_id
 JOIN kenes.campaign_member cm ON cm.campaign_id = a.campaign_id
 WHERE NOT EXISTS (SELECT FROM kenes.position_member x
                   WHERE x.part_id = c.part_id AND x.proposal_id = cm.proposal_id)
 ORDER BY c.part_id, cm.proposal_id, c.placed_at, c.anchor_id);


-- What staff decided about a suggestion (NULL: not yet).
ALTER TABLE kenes.suggestion
    ADD COLUMN decision text CHECK (decision IN ('accepted', 'edited', 'rejected')),
    ADD COLUMN position_id bigint REFERENCES kenes.position;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_handler') THEN
        GRANT SELECT ON kenes.position, kenes.position_member, kenes.position_campaign,
              kenes.position_log TO kenes_handler;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_aggregator') THEN
        GRANT SELECT ON kenes.position, kenes.position_member, kenes.position_campaign TO kenes_aggregator;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kenes_analyst') THEN
        GRANT SELECT ON kenes.position TO kenes_analyst;
    END IF;
END
$$;
