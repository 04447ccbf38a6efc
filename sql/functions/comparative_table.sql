-- The comparative table of draft version p_version (docs/POSITIONS.md): per part in order,
-- each position (merged ones left out) with its texts, decision, the new version's part,
-- exact counts over its published proposals (proposals; distinct texts, a campaign counting
-- once; people, the distinct identified submitters as in the tallies, anonymous being no
-- person; supports; each by stance) and two
-- quotes in full (the most supported; the shortest other one), then how many of the part's
-- published proposals are in no position of this version. Hidden proposals count nowhere.
CREATE OR REPLACE FUNCTION kenes.comparative_table(p_version integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH parts AS (
        SELECT pt.* FROM kenes.part pt WHERE pt.version_id = p_version),
    members AS (
        SELECT po.id AS position_id, x.id, x.stance, x.text, x.lang, x.submitter, x.support_count,
               cm.campaign_id
        FROM kenes.position po
        JOIN kenes.position_placement pl ON pl.part_id = po.part_id AND pl.position_id = po.id
        JOIN kenes.proposal x ON x.id = pl.proposal_id AND x.status = 'published'
        LEFT JOIN kenes.campaign_member cm ON cm.proposal_id = x.id
        WHERE po.version_id = p_version AND po.merged_into IS NULL),
    counts AS (
        SELECT m.position_id, s.stance, count(*) AS proposals,
               count(DISTINCT coalesce(-m.campaign_id, m.id)) AS texts,
               count(DISTINCT m.submitter) AS people,
               coalesce(sum(m.support_count), 0) AS supports
        FROM members m CROSS JOIN LATERAL (VALUES (m.stance), ('all')) AS s(stance)
        GROUP BY m.position_id, s.stance),
    measures AS (
        SELECT po.id AS position_id, s.stance,
               jsonb_build_object('proposals', coalesce(c.proposals, 0), 'texts', coalesce(c.texts, 0),
                                  'people', coalesce(c.people, 0), 'supports', coalesce(c.supports, 0)) AS m
        FROM kenes.position po
        CROSS JOIN (VALUES ('all'), ('support'), ('oppose'), ('amend')) AS s(stance)
        LEFT JOIN counts c ON c.position_id = po.id AND c.stance = s.stance
        WHERE po.version_id = p_version AND po.merged_into IS NULL),
    top AS (
        SELECT DISTINCT ON (m.position_id) m.position_id, m.id, m.text, m.lang, m.stance, m.support_count
        FROM members m ORDER BY m.position_id, m.support_count DESC, m.id),
    short AS (
        SELECT DISTINCT ON (m.position_id) m.position_id, m.id, m.text, m.lang, m.stance, m.support_count
        FROM members m JOIN top t ON t.position_id = m.position_id AND t.id <> m.id
        ORDER BY m.position_id, char_length(m.text), m.id),
    positions AS (
        SELECT po.part_id, coalesce((SELECT (x.m->>'proposals')::bigint FROM measures x
                                     WHERE x.position_id = po.id AND x.stance = 'all'), 0) AS size,
               po.id,
               jsonb_build_object(
                   'id', po.id,
                   'label', jsonb_build_object('kk', po.label_kk, 'ru', po.label_ru, 'en', po.label_en),
                   'summary', jsonb_build_object('kk', po.summary_kk, 'ru', po.summary_ru, 'en', po.summary_en),
                   'decision', po.decision,
                   'decision_reason', jsonb_build_object('kk', po.reason_kk, 'ru', po.reason_ru, 'en', po.reason_en),
                   'target', (SELECT jsonb_build_object('version', tv.number, 'part', kenes.part_target(tp),
                                                        'label', jsonb_build_object(
                                                            'kk', kenes.part_label(tp, 'kk'),
                                                            'ru', kenes.part_label(tp, 'ru'),
                                                            'en', kenes.part_label(tp, 'en')))
                              FROM kenes.part tp JOIN kenes.draft_version tv ON tv.id = tp.version_id
                              WHERE tp.id = po.target_part_id),
                   'counts', (SELECT x.m || jsonb_build_object('stances', (
                                  SELECT jsonb_object_agg(y.stance, y.m) FROM measures y
                                  WHERE y.position_id = po.id AND y.stance <> 'all'))
                              FROM measures x WHERE x.position_id = po.id AND x.stance = 'all'),
                   'quotes', jsonb_build_object(
                       'most_supported', (SELECT jsonb_build_object('id', t.id, 'text', t.text, 'lang', t.lang,
                                                                    'stance', t.stance, 'supports', t.support_count)
                                          FROM top t WHERE t.position_id = po.id),
                       'shortest', (SELECT jsonb_build_object('id', t.id, 'text', t.text, 'lang', t.lang,
                                                              'stance', t.stance, 'supports', t.support_count)
                                    FROM short t WHERE t.position_id = po.id))) AS doc
        FROM kenes.position po
        WHERE po.version_id = p_version AND po.merged_into IS NULL),
    placed AS (
        SELECT DISTINCT pl.proposal_id FROM kenes.position_placement pl
        JOIN kenes.position po ON po.id = pl.position_id AND po.version_id = p_version),
    part_counts AS (
        SELECT x.part_id, count(*) AS proposals, count(*) FILTER (WHERE pd.proposal_id IS NULL) AS unplaced
        FROM kenes.proposal x
        LEFT JOIN placed pd ON pd.proposal_id = x.id
        WHERE x.version_id = p_version AND x.status = 'published'
        GROUP BY x.part_id)
    SELECT jsonb_build_object(
        'consultation', c.slug,
        'title', jsonb_build_object('kk', c.title_kk, 'ru', c.title_ru, 'en', c.title_en),
        'version', v.number,
        'current', v.is_current,
        'parts', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'part', kenes.part_target(pt),
                       'label', jsonb_build_object('kk', kenes.part_label(pt, 'kk'), 'ru', kenes.part_label(pt, 'ru'),
                                                   'en', kenes.part_label(pt, 'en')),
                       'proposals', coalesce(pc.proposals, 0),
                       'positions', coalesce((SELECT jsonb_agg(ps.doc ORDER BY ps.size DESC, ps.id)
                                              FROM positions ps WHERE ps.part_id = pt.id), '[]'),
                       'unplaced', coalesce(pc.unplaced, 0)) ORDER BY pt.ordinal)
            FROM parts pt LEFT JOIN part_counts pc ON pc.part_id = pt.id), '[]'))
    FROM kenes.draft_version v JOIN kenes.consultation c ON c.id = v.consultation_id
    WHERE v.id = p_version
$$;
REVOKE EXECUTE ON FUNCTION kenes.comparative_table FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.comparative_table', 'kenes_handler', 'kenes_aggregator'); END $$;
