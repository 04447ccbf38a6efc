-- Loads a set written by tests/campaigns/generate.py into the example consultation.
--
--   psql -v file=set.tsv -v from=1 -v to=1000000 -f tests/campaigns/load.sql
--
-- Rows from..to of the file (1-based), in file order; each keeps its label in
-- campaign_label (proposal id -> label) for the quality measure. Minutes count from
-- 2026-02-01 00:00 UTC.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TEMP TABLE set_row (label text, lang text, target text, stance text, region text, channel text,
                           submitter text, minute integer, text text);
-- \copy takes its line as it is: the file name goes in through a variable holding it all.
\set copy '\\copy set_row FROM ' :'file'
:copy
CREATE TABLE IF NOT EXISTS public.campaign_label (proposal_id bigint PRIMARY KEY, label text NOT NULL);

CREATE TEMP TABLE set_new AS
SELECT kenes.proposal_next_id() AS id, x.*
FROM (SELECT s.*, row_number() OVER () AS n FROM set_row s) AS x
WHERE x.n BETWEEN :from AND :to
ORDER BY x.n;

INSERT INTO kenes.proposal (id, consultation_id, version_id, part_id, stance, text, lang, region,
                            channel, submitter, created_at)
SELECT n.id, v.consultation_id, p.version_id, p.id, n.stance, normalize(n.text, NFC), n.lang,
       n.region, n.channel, CASE WHEN n.submitter = '' THEN NULL ELSE decode(n.submitter, 'hex') END,
       timestamptz '2026-02-01 00:00+00' + n.minute * interval '1 minute' + (n.n % 60) * interval '1 second'
FROM set_new n
JOIN kenes.part p ON p.kind = 'article' AND p.number = split_part(n.target, ':', 2)::integer
JOIN kenes.draft_version v ON v.id = p.version_id AND v.is_current
JOIN kenes.consultation c ON c.id = v.consultation_id AND c.slug = 'constitution-2026'
ORDER BY n.id;

INSERT INTO public.campaign_label (proposal_id, label) SELECT id, label FROM set_new;
