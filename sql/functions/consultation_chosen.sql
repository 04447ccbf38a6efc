-- The consultation a staff read names: the one with slug p_slug, or with p_slug NULL the only
-- one not in draft, or with several, the only open one. No row when none fits, and with
-- p_slug NULL several rows when the choice is ambiguous (callers that must have one count).
-- Used by the reports and tallies APIs (sql/queries/report_get.sql, report_session_known.sql,
-- tally_meta.sql); a plain SQL function (no SET clause), so the planner inlines it into
-- each statement.
CREATE OR REPLACE FUNCTION kenes.consultation_chosen(p_slug text)
RETURNS TABLE (id integer, slug text, status text)
LANGUAGE sql STABLE AS $$
    WITH candidates AS (
        SELECT c.id, c.slug, c.status FROM kenes.consultation c
        WHERE CASE WHEN p_slug IS NULL THEN c.status <> 'draft' ELSE c.slug = p_slug END)
    SELECT k.id, k.slug, k.status FROM candidates k
    WHERE p_slug IS NOT NULL OR (SELECT count(*) FROM candidates) = 1
       OR (k.status = 'open' AND (SELECT count(*) FROM candidates WHERE status = 'open') = 1)
$$;
