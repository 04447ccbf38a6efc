-- A part as a proposal shows it (kenes.part_json, sql/queries/proposal_get.sql): its label on
-- its own version, whether that version is current, and when not, what the part became in the
-- current one (kenes.part_became, called only then).
-- A set-returning SQL function without SET or STRICT, one SELECT: PostgreSQL inlines it into
-- the statement that calls it in FROM, so a prepared statement plans it once (a scalar
-- function with a recursive WITH is planned again on every call).
CREATE OR REPLACE FUNCTION kenes.part_doc(p_part integer) RETURNS TABLE (doc jsonb)
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'version', v.number,
        'current', v.is_current,
        'identity', i.key,
        'label', jsonb_build_object('kk', kenes.part_label(p, 'kk'), 'ru', kenes.part_label(p, 'ru'),
                                    'en', kenes.part_label(p, 'en')),
        'now', CASE WHEN NOT v.is_current THEN kenes.part_became(p.id) END)
    FROM kenes.part p
    JOIN kenes.draft_version v ON v.id = p.version_id
    JOIN kenes.part_identity i ON i.id = p.identity_id
    WHERE p.id = p_part
$$;
