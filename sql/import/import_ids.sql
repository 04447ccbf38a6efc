-- $1 new proposal ids, drawn before the rows are COPYed with them.
SELECT pg_catalog.nextval('kenes.proposal_id_seq') FROM pg_catalog.generate_series(1, $1::integer)
