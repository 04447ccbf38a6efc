-- The rows' keys, COPYed after their proposals: the primary key refuses a key stored
-- already (a re-import, or a concurrent import that got there first), which fails the
-- chunk's direct path (migration 023: the key table replaced a unique index).
COPY kenes.proposal_source (consultation_id, source, source_id, proposal_id) FROM STDIN
