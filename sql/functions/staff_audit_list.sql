-- The staff workspace's audit log (/staff/audit), oldest first, for the page and its CSV
-- export: entries of UTC days p_from to p_to (either NULL: unbounded) after id p_after, at
-- most p_limit. SECURITY DEFINER: the handler's role cannot read kenes.staff_audit itself.
-- Never a token: its id, the token's name, the role and the client's address; for an action
-- under the single sign-on (migration 035) no token, the subject as actor and in sso_subject.
CREATE OR REPLACE FUNCTION kenes.staff_audit_list(p_from date, p_to date, p_after bigint, p_limit integer)
RETURNS TABLE (id bigint, at text, event text, token_id integer, actor text, role text, address text,
               detail text, sso_subject text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), a.event, a.token_id,
           coalesce(t.name, a.sso_subject), a.role, a.address, a.detail::text, a.sso_subject
    FROM kenes.staff_audit a
    LEFT JOIN kenes.staff_token t ON t.id = a.token_id
    WHERE (p_from IS NULL OR a.at >= p_from::timestamp AT TIME ZONE 'UTC')
      AND (p_to IS NULL OR a.at < (p_to + 1)::timestamp AT TIME ZONE 'UTC')
      AND a.id > p_after
    ORDER BY a.id
    LIMIT p_limit
$$;
REVOKE EXECUTE ON FUNCTION kenes.staff_audit_list FROM PUBLIC;
DO $$ BEGIN PERFORM kenes.acl_grant('EXECUTE ON FUNCTION kenes.staff_audit_list', 'kenes_handler'); END $$;
