-- 024: a refresh recounts each queued proposal once. A proposal stored with topics is queued
-- twice (by its own row and by its topics' rows, kenes.tally_change in 010), and a proposal
-- with new supports once per support; a batch of the refresh (sql/aggregator/tally_apply.sql)
-- now takes every queued row of the proposals it recounts, found by this index, instead of a
-- fixed number of rows that left the proposal's other rows for a later batch to recount again.
CREATE INDEX tally_change_proposal ON kenes.tally_change (proposal_id);
