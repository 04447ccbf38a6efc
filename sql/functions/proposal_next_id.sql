-- A new proposal's id: the base of this month plus the next value of one counter, so ids
-- grow in arrival order and name their month's partition. The column's default.
CREATE OR REPLACE FUNCTION kenes.proposal_next_id() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT kenes.proposal_month_base(kenes.proposal_month(pg_catalog.now()))
           + pg_catalog.nextval('kenes.proposal_counter')
$$;
