-- A small fixed data set for the report tests (tests/aggregator/reports.sh) and their golden
-- files: proposals in February 2026 (ISO weeks 6 to 8, Asia/Almaty), named people and
-- anonymous ones, supports on later days, a hidden proposal, and texts that try to break
-- out of HTML, Markdown and CSV. Load into a fresh database (ids are part of the goldens).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE TEMP TABLE fx (n integer, target text, stance text, topics text[], region text,
                      channel text, lang text, at timestamptz, person text, text text, status text);
INSERT INTO fx VALUES
 (1, 'article:4', 'support', '{sovereignty}', 'KZ-71', 'web', 'ru', '2026-02-02 10:00+05', 'aigerim',
  'Поддерживаю: народ — единственный источник государственной власти.', 'published'),
 (2, 'article:4', 'amend', '{sovereignty,referendum-amendments}', 'KZ-75', 'api', 'kk', '2026-02-03 11:30+05', 'bolat',
  'Халық — мемлекеттік биліктің бірден-бір бастауы. Егемендік халыққа тиесілі екенін нақтырақ жазу керек.', 'published'),
 (3, 'article:4', 'oppose', '{sovereignty}', 'KZ-79', 'web', 'en', '2026-02-04 09:15+05', NULL,
  '<script>alert("xss")</script> & ''quoted'' <b>bold</b>', 'published'),
 (4, 'preamble', 'support', '{}', 'unspecified', 'web', 'ru', '2026-02-05 20:00+05', 'aigerim',
  E'Преамбула хороша.\nВторая строка с | вертикальной чертой и *звёздочкой*.', 'published'),
 (5, 'article:1', 'amend', '{form-of-government}', 'KZ-11', 'import', 'ru', '2026-02-10 12:00+05', 'dana',
  '=cmd|'' /C calc''!A0', 'published'),
 (6, 'article:1', 'oppose', '{form-of-government,president}', 'abroad', 'api', 'en', '2026-02-11 13:00+05', 'erlan',
  '+SUM(1,2) is not a formula here', 'published'),
 (7, 'general', 'support', '{language}', 'KZ-71', 'web', 'kk', '2026-02-12 14:00+05', NULL,
  '@SUM(A1) және -2+3 де формула емес', 'published'),
 (8, 'article:4', 'support', '{sovereignty}', 'KZ-71', 'web', 'ru', '2026-02-13 15:00+05', 'bolat',
  'Скрытое модератором предложение', 'hidden'),
 (9, 'section:1', 'support', '{sovereignty}', 'KZ-75', 'web', 'ru', '2026-02-16 16:00+05', 'farida',
  'Раздел 1 — основа конституционного строя; длинный текст, который должен быть сокращён в отчёте до короткого фрагмента, потому что комиссии нужен обзор, а не полный текст каждого предложения, и отчёт должен оставаться читаемым.', 'published'),
 (10, 'article:4', 'amend', '{sovereignty}', 'KZ-75', 'api', 'ru', '2026-02-18 17:00+05', 'aigerim',
  'Добавить: «суверенитет принадлежит народу».', 'published'),
 (11, 'article:7', 'oppose', '{human-rights}', 'KZ-63', 'web', 'en', '2026-02-24 18:00+05', 'galym',
  'Article 7 needs work.', 'published');

-- Ids 1..11 go to the partition of the rows stored before partitioning (migration 023).
INSERT INTO kenes.proposal (id, consultation_id, version_id, part_id, stance, text, proposed_wording, lang,
                            region, channel, status, submitter, created_at)
SELECT fx.n, v.consultation_id, v.id, p.id, fx.stance, fx.text,
       CASE WHEN fx.stance = 'amend' THEN 'Новая редакция ' || fx.n END, fx.lang, fx.region,
       fx.channel, fx.status, sha256(convert_to('person-' || fx.person, 'UTF8')), fx.at
FROM fx
JOIN kenes.draft_version v ON v.is_current
JOIN kenes.part p ON p.version_id = v.id AND kenes.part_target(p) = fx.target
ORDER BY fx.n;

INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
SELECT fx.n, t.id FROM fx CROSS JOIN LATERAL unnest(fx.topics) AS s(slug)
JOIN kenes.topic t ON t.slug = s.slug;

-- Supports: proposal, supporter, when (given on later days than the proposal).
INSERT INTO kenes.support (proposal_id, supporter, created_at)
SELECT x.proposal, sha256(convert_to('supporter-' || x.who, 'UTF8')), x.at
FROM (VALUES (1, 'a', timestamptz '2026-02-03 09:00+05'), (1, 'b', '2026-02-10 09:00+05'),
             (1, 'c', '2026-02-17 09:00+05'), (2, 'a', '2026-02-04 09:00+05'),
             (2, 'd', '2026-02-11 09:00+05'), (3, 'e', '2026-02-05 09:00+05'),
             (5, 'a', '2026-02-12 09:00+05'), (8, 'b', '2026-02-14 09:00+05'),
             (9, 'f', '2026-02-17 09:00+05'), (9, 'g', '2026-02-25 09:00+05'),
             (10, 'h', '2026-02-19 09:00+05')) AS x(proposal, who, at);
