-- Loads (or updates) a consultation from its data file (sql/migrate --load,
-- sql/data/README.md): the structure through kenes.consultation_load_structure, then its
-- identity policy ("identity" in the file). Refuses a later version without a mapping (that
-- is sql/migrate --load-version, kenes.draft_version_load), and keeps a superseded version
-- superseded (make run reloads the first file each start).
CREATE OR REPLACE FUNCTION kenes.consultation_load(doc jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    cid integer;
    n integer := (doc#>>'{version,number}')::integer;
    cur integer;
BEGIN
    SELECT v.number INTO cur FROM kenes.consultation c
    JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
    WHERE c.slug = doc->>'slug';
    IF cur IS NOT NULL AND NOT EXISTS (
        SELECT FROM kenes.consultation c JOIN kenes.draft_version v ON v.consultation_id = c.id
        WHERE c.slug = doc->>'slug' AND v.number = n) THEN
        RAISE EXCEPTION 'version % of % is new: load it with sql/migrate --load-version and a mapping from version %',
            n, doc->>'slug', cur;
    END IF;
    IF cur > n THEN
        doc := jsonb_set(doc, '{version,current}', 'false');
        RAISE NOTICE 'version % of % stays superseded: version % is current', n, doc->>'slug', cur;
    END IF;
    cid := kenes.consultation_load_structure(doc);
    UPDATE kenes.consultation SET
        identity_policy = coalesce(doc#>>'{identity,policy}', identity_policy),
        proposals_require_identity = coalesce((doc#>>'{identity,proposals_require_identity}')::boolean,
                                              proposals_require_identity)
    WHERE id = cid;
    RETURN cid;
END
$$;
