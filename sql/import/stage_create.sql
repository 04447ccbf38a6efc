-- kenes-import's staging table: one chunk of validated rows, COPYed in, then inserted by
-- import_insert in the same transaction; emptied at every commit.
CREATE TEMPORARY TABLE IF NOT EXISTS import_stage (
    line          bigint NOT NULL,
    consultation  text NOT NULL,
    kind          text NOT NULL,
    number        integer,
    stance        text NOT NULL,
    text          text NOT NULL,
    wording       text,
    lang          text NOT NULL,
    region        text NOT NULL,
    topics        text[] NOT NULL,
    submitter     bytea,
    source        text NOT NULL,
    source_id     text NOT NULL,
    submitted_at  timestamptz
) ON COMMIT DELETE ROWS
