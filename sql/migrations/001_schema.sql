-- 001: consultations, draft versions and their parts, topics, regions, proposals.
--
-- Everything lives in the schema "kenes". Proposals reference the part of the draft
-- version they were written for; a later version gets parts of its own, and
-- part_identity ties the parts of different versions that are "the same article".

CREATE SCHEMA kenes;

CREATE TABLE kenes.consultation (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    title_kk    text NOT NULL,
    title_ru    text NOT NULL,
    title_en    text NOT NULL,
    opens_at    timestamptz NOT NULL,
    closes_at   timestamptz,
    status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at IS NULL OR closes_at > opens_at)
);

CREATE TABLE kenes.draft_version (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    number           integer NOT NULL CHECK (number > 0),
    label_kk         text NOT NULL,
    label_ru         text NOT NULL,
    label_en         text NOT NULL,
    published_on     date,
    is_current       boolean NOT NULL DEFAULT false,
    UNIQUE (consultation_id, number),
    UNIQUE (id, consultation_id)
);

-- At most one current version per consultation: the one the form and the API accept.
CREATE UNIQUE INDEX draft_version_one_current
    ON kenes.draft_version (consultation_id) WHERE is_current;

-- The stable identity of a part across versions ("the article on sovereignty").
CREATE TABLE kenes.part_identity (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    key              text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    UNIQUE (consultation_id, key)
);

CREATE TABLE kenes.part (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id   integer NOT NULL REFERENCES kenes.draft_version,
    identity_id  integer NOT NULL REFERENCES kenes.part_identity,
    kind         text NOT NULL CHECK (kind IN ('preamble', 'section', 'article', 'general')),
    number       integer CHECK (number > 0),
    section_id   integer REFERENCES kenes.part,
    ordinal      integer NOT NULL,
    title_kk     text,
    title_ru     text,
    title_en     text,
    note_kk      text,
    note_ru      text,
    note_en      text,
    CHECK ((kind IN ('section', 'article')) = (number IS NOT NULL)),
    CHECK (section_id IS NULL OR kind = 'article'),
    UNIQUE (version_id, identity_id),
    UNIQUE (id, version_id)
);
CREATE UNIQUE INDEX part_numbered ON kenes.part (version_id, kind, number) WHERE number IS NOT NULL;
CREATE UNIQUE INDEX part_single ON kenes.part (version_id, kind) WHERE number IS NULL;

CREATE TABLE kenes.topic (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  integer NOT NULL REFERENCES kenes.consultation,
    slug             text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    label_kk         text NOT NULL,
    label_ru         text NOT NULL,
    label_en         text NOT NULL,
    ordinal          integer NOT NULL,
    UNIQUE (consultation_id, slug),
    UNIQUE (id, consultation_id)
);

-- ISO 3166-2:KZ regions and cities of republican significance, plus two pseudo-regions.
CREATE TABLE kenes.region (
    code     text PRIMARY KEY CHECK (code ~ '^(KZ-[0-9]{2}|abroad|unspecified)$'),
    name_kk  text NOT NULL,
    name_ru  text NOT NULL,
    name_en  text NOT NULL,
    ordinal  integer NOT NULL
);

CREATE TABLE kenes.proposal (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id   integer NOT NULL REFERENCES kenes.consultation,
    version_id        integer NOT NULL,
    part_id           integer NOT NULL,
    stance            text NOT NULL CHECK (stance IN ('support', 'oppose', 'amend')),
    text              text NOT NULL
                      CHECK (char_length(text) BETWEEN 1 AND 5000 AND text IS NFC NORMALIZED),
    proposed_wording  text
                      CHECK (char_length(proposed_wording) BETWEEN 1 AND 5000
                             AND proposed_wording IS NFC NORMALIZED),
    lang              text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    region            text NOT NULL DEFAULT 'unspecified' REFERENCES kenes.region,
    channel           text NOT NULL CHECK (channel IN ('web', 'api', 'import')),
    status            text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'hidden')),
    -- Keyed hash of the submitter's identity (issue: one person, one voice); never raw data.
    submitter         bytea,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (proposed_wording IS NULL OR stance = 'amend'),
    FOREIGN KEY (version_id, consultation_id) REFERENCES kenes.draft_version (id, consultation_id),
    FOREIGN KEY (part_id, version_id) REFERENCES kenes.part (id, version_id)
);
CREATE INDEX proposal_part ON kenes.proposal (part_id, created_at);
CREATE INDEX proposal_created ON kenes.proposal (consultation_id, created_at);

CREATE TABLE kenes.proposal_topic (
    proposal_id  bigint NOT NULL REFERENCES kenes.proposal ON DELETE CASCADE,
    topic_id     integer NOT NULL REFERENCES kenes.topic,
    PRIMARY KEY (proposal_id, topic_id)
);
CREATE INDEX proposal_topic_topic ON kenes.proposal_topic (topic_id);
