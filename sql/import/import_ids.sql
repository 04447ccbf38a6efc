-- $1 new proposal ids (each carries its month: migration 023), drawn before the rows are
-- COPYed with them.
SELECT kenes.proposal_next_id() FROM pg_catalog.generate_series(1, $1::integer)
