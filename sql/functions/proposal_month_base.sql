-- The first id of a month (and, + 10^10, the first of the next).
CREATE OR REPLACE FUNCTION kenes.proposal_month_base(month integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT month::bigint * 10000000000 $$;
