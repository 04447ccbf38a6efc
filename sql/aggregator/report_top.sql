-- The most supported published proposals of each part, among those made up to local day
-- $3, with a one-line excerpt. $1 consultation id  $2 first day of the period (to flag
-- proposals made in it)  $3 last day  $4 proposals per part  $5 excerpt length in
-- characters  $6 time zone.
-- Columns: part key, version, proposal id, stance, supports, local date, lang, region,
-- made in the period, excerpt.
SELECT kenes.part_target(p), v.number, x.id, x.stance, x.support_count,
       (x.created_at AT TIME ZONE $6::text)::date,
       x.lang, x.region, (x.created_at AT TIME ZONE $6::text)::date >= $2::date,
       CASE WHEN char_length(x.flat) <= $5::integer THEN x.flat
            ELSE coalesce(substring(left(x.flat, $5::integer + 1) FROM '^(.*\S)\s+\S*$'),
                          left(x.flat, $5::integer)) || '…' END
FROM kenes.part p
JOIN kenes.draft_version v ON v.id = p.version_id AND v.consultation_id = $1::integer
CROSS JOIN LATERAL (
    SELECT q.id, q.stance, q.support_count, q.created_at, q.lang, q.region,
           btrim(regexp_replace(q.text, '\s+', ' ', 'g')) AS flat
    FROM kenes.proposal q
    WHERE q.part_id = p.id AND q.status = 'published'
      AND q.created_at < (($3::date + 1)::timestamp AT TIME ZONE $6::text)
    ORDER BY q.support_count DESC, q.id
    LIMIT $4::integer) AS x
ORDER BY v.number, p.ordinal, x.support_count DESC, x.id
