-- 011: Commission sessions and the reports issued for them and for ISO weeks.
--
-- A session's report covers the local days from the previous session's date up to the day
-- before its own (the first session: from the day the consultation opened). Once a period
-- is over, the first report made for it is issued: every rendering (format x language) is
-- stored with its SHA-256 and the tallies' cut-off, and from then on served byte for byte
-- as stored. The aggregator's role may insert reports but never change or delete them.

CREATE TABLE kenes.commission_session (
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    number           integer NOT NULL CHECK (number > 0),
    held_on          date NOT NULL,
    title            text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consultation_id, number),
    UNIQUE (consultation_id, held_on)
);

-- Numbers and dates go up together, so that "the previous session" is well defined.
CREATE FUNCTION kenes.commission_session_order() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM kenes.commission_session s
               WHERE s.consultation_id = NEW.consultation_id AND s.number <> NEW.number
                 AND (s.number < NEW.number) <> (s.held_on < NEW.held_on)) THEN
        RAISE EXCEPTION 'session % on % is out of order with the sessions already recorded',
                        NEW.number, NEW.held_on
              USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER commission_session_order BEFORE INSERT OR UPDATE ON kenes.commission_session
    FOR EACH ROW EXECUTE FUNCTION kenes.commission_session_order();

CREATE TABLE kenes.report (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    kind             text NOT NULL CHECK (kind IN ('session', 'week')),
    session_number   integer,
    week             text CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    period_from      date NOT NULL,          -- local days, both included
    period_to        date NOT NULL,
    time_zone        text NOT NULL,
    cut_off          timestamptz NOT NULL,   -- the tallies counted what was committed then
    snapshot         text NOT NULL,          -- pg_current_snapshot() of that refresh
    issued_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (period_from <= period_to),
    CHECK ((kind = 'session') = (session_number IS NOT NULL)
           AND (kind = 'week') = (week IS NOT NULL)),
    FOREIGN KEY (consultation_id, session_number) REFERENCES kenes.commission_session,
    UNIQUE NULLS NOT DISTINCT (consultation_id, kind, session_number, week)
);

-- lang 'mul' (ISO 639-2 "multiple languages"): JSON, which carries every language's labels.
CREATE TABLE kenes.report_output (
    report_id  integer NOT NULL REFERENCES kenes.report,
    format     text NOT NULL CHECK (format IN ('json', 'csv', 'md', 'html')),
    lang       text NOT NULL CHECK (lang IN ('kk', 'ru', 'en', 'mul')),
    body       text NOT NULL,
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CHECK ((format = 'json') = (lang = 'mul')),
    PRIMARY KEY (report_id, format, lang)
);
