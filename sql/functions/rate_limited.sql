-- 429 as an outcome when the person `who` has written p_per_hour times or more in the last
-- hour (p_kind 'proposal', 'support' or 'identity-report'); NULL when they may write again,
-- and always for an anonymous writer (who NULL). The set-based batch paths
-- (proposal_store_set, support_decide) count the same rows inline.
CREATE OR REPLACE FUNCTION kenes.rate_limited(p_kind text, who bytea, p_per_hour integer)
RETURNS kenes.outcome
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    wait integer;
BEGIN
    -- One branch runs: the others' constant kinds fail the filter before any scan.
    wait := kenes.retry_after(ARRAY(
        SELECT w.at FROM (
            SELECT 'proposal' AS kind, submitter AS person, created_at AS at FROM kenes.proposal
            UNION ALL SELECT 'support', supporter, created_at FROM kenes.support
            UNION ALL SELECT 'identity-report', reporter, at FROM kenes.identity_report_attempt) w
        WHERE w.kind = p_kind AND w.person = who AND w.at > now() - interval '1 hour'
        ORDER BY w.at DESC LIMIT p_per_hour), p_per_hour);
    RETURN CASE WHEN wait IS NOT NULL THEN ROW(429, 'rate_limited', NULL, wait)::kenes.outcome END;
END
$$;
