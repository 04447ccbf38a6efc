-- New suggestions of consultation $1: parts $2, cohesion $3, sizes $4 (one each, in order);
-- their members $6 (proposal ids), each with the 1-based position of its suggestion in $5.
-- Returns how many members were stored.
WITH s AS (
    SELECT nextval(pg_get_serial_sequence('kenes.suggestion', 'id')) AS id, x.part_id, x.cohesion, x.size, x.ord
    FROM unnest($2::integer[], $3::real[], $4::integer[]) WITH ORDINALITY AS x(part_id, cohesion, size, ord)),
made AS (
    INSERT INTO kenes.suggestion (id, consultation_id, part_id, proposals, cohesion)
    SELECT s.id, $1::integer, s.part_id, s.size, s.cohesion FROM s),
members AS (
    INSERT INTO kenes.suggestion_member (suggestion_id, proposal_id)
    SELECT s.id, m.proposal_id
    FROM unnest($5::integer[], $6::bigint[]) AS m(ord, proposal_id) JOIN s ON s.ord = m.ord
    RETURNING 1)
SELECT count(*) FROM members
