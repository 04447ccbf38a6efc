-- ISO weeks whose report is due: over (their Sunday is before today, local to $1), from
-- the week the consultation opened to the one it closed in, not issued yet, for every
-- consultation that is not a draft. Columns: consultation slug, Monday.
SELECT c.slug, w.monday
FROM kenes.consultation c
CROSS JOIN LATERAL (SELECT (c.opens_at AT TIME ZONE $1::text)::date AS first_day,
                           least((c.closes_at AT TIME ZONE $1::text)::date,
                                 (pg_catalog.now() AT TIME ZONE $1::text)::date - 1) AS last_day) AS d
CROSS JOIN LATERAL pg_catalog.generate_series(
    (d.first_day - (extract(isodow FROM d.first_day)::integer - 1))::timestamp,
    d.last_day::timestamp, interval '7 days') AS g(monday_ts)
CROSS JOIN LATERAL (SELECT g.monday_ts::date AS monday) AS w
WHERE c.status <> 'draft'
  AND w.monday + 6 <= (pg_catalog.now() AT TIME ZONE $1::text)::date - 1
  AND NOT EXISTS (SELECT FROM kenes.report r
                  WHERE r.consultation_id = c.id AND r.kind = 'week'
                    AND r.week = to_char(w.monday, 'IYYY-"W"IW'))
ORDER BY c.id, w.monday
