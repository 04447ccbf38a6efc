-- The queries joined with OR (tsquery's ||); NULL for none. For the staff search's similar
-- Kazakh words (sql/queries/staff_search_terms.sql).
CREATE OR REPLACE FUNCTION kenes.tsquery_any(queries tsquery[]) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    q tsquery;
    result tsquery;
BEGIN
    FOREACH q IN ARRAY queries LOOP
        result := CASE WHEN result IS NULL THEN q ELSE result || q END;
    END LOOP;
    RETURN result;
END
$$;
