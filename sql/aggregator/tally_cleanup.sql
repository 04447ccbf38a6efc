-- Deletes the day rows a batch left at zero (hidden proposals, withdrawn supports).
-- $1 cell ids  $2 days (arrays of the same length, as tally_apply returns them)
DELETE FROM kenes.tally_day d
USING unnest($1::integer[], $2::date[]) AS z(cell_id, day)
WHERE d.cell_id = z.cell_id AND d.day = z.day AND d.proposals = 0 AND d.supports = 0
