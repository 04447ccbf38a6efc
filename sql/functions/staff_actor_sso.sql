-- Whom a staff workspace action acts as under the single sign-on: the subject and role of the
-- trusted FastCGI parameters, which nginx sets from the SSO and the handler trusts for every
-- staff page (docs/STAFF.md, "Signing in"), so the functions taking them trust the handler no
-- further. An empty subject is none (kenes.staff_actor_refusal then answers 401). No grant.
CREATE OR REPLACE FUNCTION kenes.staff_actor_sso(p_subject text, p_role text) RETURNS kenes.staff_actor_t
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT ROW(NULL, NULL, p_role, NULLIF(p_subject, ''))::kenes.staff_actor_t
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_actor_sso FROM PUBLIC;
