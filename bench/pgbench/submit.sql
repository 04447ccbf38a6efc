-- (c) of bench/ingest: one proposal per transaction through kenes.proposal_submit, the
-- function the handler's writer calls for each row of a batch (sql/migrations/005, 006):
-- part lookup, INSERT into kenes.proposal and kenes.proposal_topic, the stored JSON answer.
-- Texts come from bench_text (bench/generate output). Run as kenes_handler, like the handler.
\set part random_zipfian(1, 95, 1.1)
\set t random(1, 2000)
\set r random(0, 21)
SELECT r.status FROM kenes.proposal_submit('constitution-2026', 'article', :part, 'amend',
    (SELECT text FROM bench_text WHERE id = :t), NULL, 'ru',
    (ARRAY['KZ-75','KZ-71','KZ-79','KZ-61','KZ-19','KZ-31','KZ-35','KZ-15','KZ-43','KZ-39','KZ-11',
           'KZ-47','KZ-55','KZ-63','KZ-23','KZ-27','KZ-33','KZ-10','KZ-59','KZ-62','abroad','unspecified'])[:r + 1],
    'import', ARRAY['sovereignty'], NULL, NULL, '\x00'::bytea, 10) r;
