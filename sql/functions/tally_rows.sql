-- The cells of one dimension with their counts over local days [p_from, p_to]
-- (kenes.tally_between), of stance p_stance or of every stance when NULL; stance_rank orders
-- the stances as the API lists them (all, support, oppose, amend). The tallies API's
-- statements (sql/queries/tally_*.sql) add each dimension's labels.
CREATE OR REPLACE FUNCTION kenes.tally_rows(p_consultation integer, p_dim text, p_from date, p_to date,
                                            p_stance text)
RETURNS TABLE (part_id integer, topic_id integer, region text, channel text, week date, stance text,
               stance_rank integer, proposals bigint, people bigint, supports bigint)
LANGUAGE sql STABLE AS $$
    SELECT c.part_id, c.topic_id, c.region, c.channel, c.week, c.stance,
           array_position(ARRAY['all', 'support', 'oppose', 'amend'], c.stance),
           t.proposals, t.people, t.supports
    FROM kenes.tally_between(p_consultation, p_dim, p_from, p_to) t
    JOIN kenes.tally_cell c ON c.id = t.cell_id AND c.consultation_id = p_consultation AND c.dim = p_dim
    WHERE p_stance IS NULL OR c.stance = p_stance
$$;
