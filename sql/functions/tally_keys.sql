-- The cells a proposal (or its supports on a day) counts in: one per dimension and key, for
-- its stance and for 'all'.
CREATE OR REPLACE FUNCTION kenes.tally_keys(p_part integer, p_stance text, p_region text, p_channel text,
                                 p_topics integer[], p_day date)
RETURNS TABLE (dim text, key text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT k.dim, kenes.tally_cell_key(k.dim, k.part_id, k.topic_id, k.region, k.channel, k.week, s.stance)
    FROM (VALUES ('total', NULL::integer, NULL::integer, NULL::text, NULL::text, NULL::date),
                 ('part', p_part, NULL, NULL, NULL, NULL),
                 ('region', NULL, NULL, p_region, NULL, NULL),
                 ('channel', NULL, NULL, NULL, p_channel, NULL),
                 ('part_region', p_part, NULL, p_region, NULL, NULL),
                 ('part_channel', p_part, NULL, NULL, p_channel, NULL),
                 ('week', NULL, NULL, NULL, NULL, p_day - (extract(isodow FROM p_day)::integer - 1))
          UNION ALL
          SELECT d.dim, CASE WHEN d.dim = 'part_topic' THEN p_part END, t.topic_id, NULL, NULL, NULL
          FROM unnest(p_topics) AS t(topic_id) CROSS JOIN (VALUES ('topic'), ('part_topic')) AS d(dim)
         ) AS k(dim, part_id, topic_id, region, channel, week)
    CROSS JOIN (VALUES (p_stance), ('all')) AS s(stance)
$$;
