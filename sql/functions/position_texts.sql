-- A label, summary or reason in kk/ru/en from a JSON object {"kk": ..., "ru": ..., "en": ...}
-- over the current ARRAY[kk, ru, en]: a language given replaces it, null or "" clears it,
-- one left out keeps it. NULL when the value is not such an object or a text is longer
-- than p_max characters.
CREATE OR REPLACE FUNCTION kenes.position_texts(p_value jsonb, p_current text[], p_max integer)
RETURNS text[]
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    out text[] := coalesce(p_current, ARRAY[NULL, NULL, NULL]::text[]);
    langs text[] := ARRAY['kk', 'ru', 'en'];
    k text;
    v text;
BEGIN
    IF p_value IS NULL THEN
        RETURN out;
    END IF;
    IF jsonb_typeof(p_value) <> 'object' THEN
        RETURN NULL;
    END IF;
    FOR k IN SELECT jsonb_object_keys(p_value) LOOP
        IF NOT k = ANY (langs) OR jsonb_typeof(p_value->k) NOT IN ('string', 'null') THEN
            RETURN NULL;
        END IF;
        v := nullif(btrim(normalize(p_value->>k, NFC)), '');
        IF char_length(v) > p_max THEN
            RETURN NULL;
        END IF;
        out[array_position(langs, k)] := v;
    END LOOP;
    RETURN out;
END
$$;
