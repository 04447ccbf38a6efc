-- Append-only for everyone, the owner included (only disabling the trigger, which takes the
-- owner and shows in the server log with log_statement = 'ddl', gets around it).
CREATE OR REPLACE FUNCTION kenes.append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'moderation is undone by a new action (unhide), never by editing the log';
END
$$;
