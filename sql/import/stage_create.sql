-- kenes-import's staging table: one chunk of validated rows, their targets and topics
-- already resolved to ids, COPYed in and inserted by import_insert in the same
-- transaction; emptied at every commit. Used for chunks the direct path cannot take.
CREATE TEMPORARY TABLE IF NOT EXISTS import_stage (
    line             bigint NOT NULL,
    consultation_id  integer NOT NULL,
    version_id       integer NOT NULL,
    part_id          integer NOT NULL,
    stance           text NOT NULL,
    text             text NOT NULL,
    wording          text,
    lang             text NOT NULL,
    region           text NOT NULL,
    channel          text NOT NULL,
    submitter        bytea,
    created_at       timestamptz NOT NULL,
    source           text NOT NULL,
    source_id        text NOT NULL,
    topic_ids        integer[] NOT NULL
) ON COMMIT DELETE ROWS
