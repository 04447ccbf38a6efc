-- Grants p_privilege, as GRANT writes it ('EXECUTE ON FUNCTION kenes.f', 'SELECT ON kenes.v'),
-- to each of p_roles that exists: the migrations create the roles only when the login may
-- (sql/README.md, Roles), and the next sql/migrate grants what an administrator created since.
-- The grant at the end of a file here is one call of it; its name sorts first, so it exists
-- when sql/migrate applies the others. Granting again changes nothing.
CREATE OR REPLACE FUNCTION kenes.acl_grant(p_privilege text, VARIADIC p_roles text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY p_roles LOOP
        IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('GRANT %s TO %I', p_privilege, r);
        END IF;
    END LOOP;
END
$$;
REVOKE EXECUTE ON FUNCTION kenes.acl_grant FROM PUBLIC;
