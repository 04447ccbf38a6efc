-- People per ISO week on one part: the distinct identified persons (by pseudonym; an anonymous
-- proposal is no person, as everywhere: docs/STAFF.md) who made proposals on part p_part in
-- each week (its Monday; local days, as the tallies'), per stance and for 'all', over local
-- days [p_from, p_to] (either NULL: open). It is what kenes.tally_between counts as the part
-- cell's people for the days of one week (/api/v1/tallies?by=part&from=MONDAY&to=SUNDAY),
-- from the same per-proposal state (kenes.tally_applied, as of the last refresh), for every
-- week of one part at once: an index scan of that part's rows (tally_applied_part, migration
-- 035). SECURITY DEFINER so that the handler gets counts, never pseudonyms.
CREATE OR REPLACE FUNCTION kenes.tally_part_weekly_people(p_part integer, p_from date, p_to date)
RETURNS TABLE (week date, stance text, people bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT a.day - (extract(isodow FROM a.day)::integer - 1), s.stance, count(DISTINCT a.submitter)
    FROM kenes.tally_applied a
    CROSS JOIN LATERAL (VALUES (a.stance), ('all')) AS s(stance)
    WHERE a.part_id = p_part AND a.submitter IS NOT NULL
      AND a.day BETWEEN coalesce(p_from, '-infinity') AND coalesce(p_to, 'infinity')
    GROUP BY 1, 2
$$;
REVOKE EXECUTE ON FUNCTION kenes.tally_part_weekly_people FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.tally_part_weekly_people', 'kenes_handler'); END $$;
