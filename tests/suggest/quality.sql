-- Pairwise precision and recall of the suggestions against the labels of the loaded set
-- (tests/suggest/generate.py, loaded by tests/campaigns/load.sql): a pair of proposals is
-- "predicted" when both are in one suggestion, "true" when both carry one label. Prints:
-- pairs predicted, true, both; precision; recall.
WITH x AS (
    SELECT l.label, coalesce(m.suggestion_id, -l.proposal_id) AS cluster
    FROM public.campaign_label l LEFT JOIN kenes.suggestion_member m USING (proposal_id)),
both_ AS (SELECT sum(n * (n - 1) / 2) AS pairs FROM (SELECT count(*) AS n FROM x GROUP BY label, cluster) a),
predicted AS (SELECT sum(n * (n - 1) / 2) AS pairs FROM (SELECT count(*) AS n FROM x GROUP BY cluster) a),
truth AS (SELECT sum(n * (n - 1) / 2) AS pairs FROM (SELECT count(*) AS n FROM x GROUP BY label) a)
SELECT format('pairs predicted=%s true=%s both=%s precision=%s recall=%s',
              p.pairs, t.pairs, b.pairs,
              round(b.pairs::numeric / nullif(p.pairs, 0), 4), round(b.pairs::numeric / nullif(t.pairs, 0), 4))
FROM both_ b, predicted p, truth t;
