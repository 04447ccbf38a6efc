-- (c') of bench/ingest: the plain one-row INSERT a straightforward design would send, one
-- per transaction: the proposal row only, no topics, no function. Run as the owner.
\set part random(1, 108)
\set t random(1, 2000)
INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, region, channel)
VALUES (1, 1, :part, 'amend', (SELECT text FROM bench_text WHERE id = :t), 'ru', 'KZ-75', 'import');
