-- The key that identifies a cell, built the same way wherever a cell is looked up.
CREATE OR REPLACE FUNCTION kenes.tally_cell_key(dim text, part_id integer, topic_id integer, region text,
                                     channel text, week date, stance text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT dim || '/' || coalesce(part_id::text, '') || '/' || coalesce(topic_id::text, '')
           || '/' || coalesce(region, '') || '/' || coalesce(channel, '')
           || '/' || coalesce((week - DATE '2000-01-03')::text, '') || '/' || stance
$$;
