-- One position for staff (sql/functions/position_json.sql); NULL for an unknown id. $1 id
SELECT kenes.position_json($1::bigint)
