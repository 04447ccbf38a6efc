-- The tallies of one dimension over local days [p_from, p_to] (either may be NULL: open),
-- or all-time when the range covers every day with data. People in a narrower range are
-- counted from the per-proposal state (cost grows with the proposals in the range);
-- all-time figures are stored per cell.
-- SECURITY DEFINER so that roles without access to pseudonyms get counts, never pseudonyms.
CREATE OR REPLACE FUNCTION kenes.tally_between(p_consultation integer, p_dim text, p_from date, p_to date)
RETURNS TABLE (cell_id integer, proposals bigint, people bigint, supports bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    first_day date;
    last_day date;
BEGIN
    -- The first and last day with data: two index probes on the consultation's total cell.
    SELECT min(d.day), max(d.day) INTO first_day, last_day
    FROM kenes.tally_cell c JOIN kenes.tally_day d ON d.cell_id = c.id
    WHERE c.consultation_id = p_consultation AND c.dim = 'total' AND c.stance = 'all';
    IF first_day IS NULL OR (coalesce(p_from, '-infinity') <= first_day
                             AND coalesce(p_to, 'infinity') >= last_day) THEN
        RETURN QUERY
        SELECT c.id, c.proposals, c.people, c.supports
        FROM kenes.tally_cell c
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim;
        RETURN;
    END IF;
    RETURN QUERY
    WITH days AS (
        SELECT d.cell_id, sum(d.proposals)::bigint AS proposals, sum(d.supports)::bigint AS supports
        FROM kenes.tally_cell c
        JOIN kenes.tally_day d ON d.cell_id = c.id
        WHERE c.consultation_id = p_consultation AND c.dim = p_dim
          AND d.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
        GROUP BY d.cell_id),
    persons AS (
        SELECT kenes.tally_cell_key(p_dim,
                   CASE WHEN p_dim IN ('part', 'part_topic', 'part_region', 'part_channel', 'part_week')
                        THEN a.part_id END,
                   CASE WHEN p_dim IN ('topic', 'part_topic') THEN t.topic_id END,
                   CASE WHEN p_dim IN ('region', 'part_region') THEN a.region END,
                   CASE WHEN p_dim IN ('channel', 'part_channel') THEN a.channel END,
                   CASE WHEN p_dim IN ('week', 'part_week')
                        THEN a.day - (extract(isodow FROM a.day)::integer - 1) END,
                   s.stance) AS key,
               a.submitter
        FROM kenes.tally_applied a
        CROSS JOIN LATERAL unnest(CASE WHEN p_dim IN ('topic', 'part_topic') THEN a.topic_ids
                                       ELSE ARRAY[NULL::integer] END) AS t(topic_id)
        CROSS JOIN LATERAL (VALUES (a.stance), ('all')) AS s(stance)
        WHERE a.consultation_id = p_consultation AND a.submitter IS NOT NULL
          AND a.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')),
    people AS (
        SELECT c.id AS cell_id, count(DISTINCT x.submitter)::bigint AS people
        FROM persons x
        JOIN kenes.tally_cell c ON c.consultation_id = p_consultation AND c.key = x.key
        GROUP BY c.id)
    SELECT c.id, coalesce(d.proposals, 0), coalesce(p.people, 0), coalesce(d.supports, 0)
    FROM kenes.tally_cell c
    LEFT JOIN days d ON d.cell_id = c.id
    LEFT JOIN people p ON p.cell_id = c.id
    WHERE c.consultation_id = p_consultation AND c.dim = p_dim;
END
$$;
