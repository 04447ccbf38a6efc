#!/usr/bin/env bash
# Proposals, topics and supports partitioned by month (migration 023): the partitions exist
# ahead, kenes.partitions_ensure creates the missing ones and only those, an id carries its
# month and its topics and supports follow it, one person one support holds across
# partitions, a DEFAULT partition keeps what is beyond the created months and is reported,
# the aggregator's refresh creates the coming months, and its tallies stay exact (against
# the independent recount) with rows spread over three partitions, supports arriving later
# for old proposals, hides and topic edits, incremental equal to --full.
# Needs KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../aggregator/lib.sh"
export KENES_WEEKLY_REPORTS=0 KENES_CAMPAIGNS=0

agg_db kenes_partitions || exit 1

month=$(sql -c "SELECT kenes.proposal_month(now())")
base() { sql -c "SELECT kenes.proposal_month_base($1)"; }
name() { # TABLE MONTH: the partition's name
	sql -c "SELECT format('%s_y%sm%s', '$1', 2000 + $2 / 12, lpad(($2 % 12 + 1)::text, 2, '0'))"
}
kind() { sql -c "SELECT relkind FROM pg_class WHERE oid = to_regclass('kenes.$1')"; }

# --- the partitioned tables and the months ahead --------------------------------------------
for t in proposal proposal_topic support; do
	check "$t is partitioned" eq "$(kind "$t")" p
	check "$t keeps the rows stored before partitioning in ${t}_p0" eq "$(kind "${t}_p0")" r
	check "$t has a DEFAULT partition" eq "$(kind "${t}_default")" r
	for m in 0 1 2 3; do
		check "$t has the partition of month +$m" eq "$(kind "$(name "$t" $((month + m)))")" r
	done
done
check "the partition of this month covers its ids" eq \
	"$(sql -c "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = '$(name proposal "$month")'")" \
	"FOR VALUES FROM ('$(base "$month")') TO ('$(base $((month + 1)))')"
check "ensure creates nothing that exists" eq "$(sql -c "SELECT count(*) FROM kenes.partitions_ensure(3)")" 0
check "ensure(5) creates two more months of the three tables" eq \
	"$(sql -c "SELECT count(*) FILTER (WHERE action = 'created') || '/' || count(*) FROM kenes.partitions_ensure(5)")" 6/6
check "month +5 exists now" eq "$(kind "$(name support $((month + 5)))")" r
check "the aggregator's role may run it" eq \
	"$(sql -c "SELECT has_function_privilege('kenes_aggregator', 'kenes.partitions_ensure(integer)', 'EXECUTE')")" t
check "the handler's role may not" eq \
	"$(sql -c "SELECT has_function_privilege('kenes_handler', 'kenes.partitions_ensure(integer)', 'EXECUTE')")" f

# --- an id carries its month; topics and supports follow their proposal -------------------
id=$(sql <<'SQL'
WITH p AS (
    INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, channel)
    SELECT v.consultation_id, v.id, p.id, 'support', 'A proposal of this month', 'en', 'api'
    FROM kenes.draft_version v JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'preamble'
    JOIN kenes.consultation c ON c.id = v.consultation_id AND c.slug = 'constitution-2026'
    WHERE v.is_current RETURNING id, consultation_id),
t AS (INSERT INTO kenes.proposal_topic SELECT p.id, min(t.id) FROM p JOIN kenes.topic t USING (consultation_id) GROUP BY p.id)
INSERT INTO kenes.support (proposal_id, supporter) SELECT id, sha256('one person'::bytea) FROM p RETURNING proposal_id
SQL
)
check "a new id is in this month's range" eq "$(sql -c "SELECT $id / 10000000000")" "$month"
check "the proposal is in this month's partition" eq "$(sql -c "SELECT tableoid::regclass FROM kenes.proposal WHERE id = $id")" "kenes.$(name proposal "$month")"
check "its topic too" eq "$(sql -c "SELECT tableoid::regclass FROM kenes.proposal_topic WHERE proposal_id = $id")" "kenes.$(name proposal_topic "$month")"
check "its support too" eq "$(sql -c "SELECT tableoid::regclass FROM kenes.support WHERE proposal_id = $id")" "kenes.$(name support "$month")"
check "the support was counted" eq "$(sql -c "SELECT support_count FROM kenes.proposal WHERE id = $id")" 1
out=$(sql -c "INSERT INTO kenes.support (proposal_id, supporter) VALUES ($id, sha256('one person'::bytea))" 2>&1)
check "one person, one support: a second is refused" contains "$out" "Key (proposal_id, supporter)"
out=$(sql -c "INSERT INTO kenes.support (proposal_id, supporter) VALUES ($(base "$month") - 1, sha256('x'::bytea))" 2>&1)
check "a support of a proposal that does not exist is refused" contains "$out" "support_proposal_id_fkey"

# --- tallies over three partitions -----------------------------------------------------------
# COUNT proposals with ids from FIRST+1 (explicit ids place them in a partition), 0-2
# topics, about 2 supports each, a few hidden, a few anonymous, over 2026.
gen() { # FIRST COUNT SALT
	sql -v first="$1" -v n="$2" -v salt="$3" <<'SQL'
CREATE TEMP TABLE g AS
SELECT :first::bigint + i AS id, i,
       timestamptz '2026-02-01 00:00+05' + ((i * 7919 + :salt) % 250) * interval '1 day'
           + (i % 1440) * interval '1 minute' AS at
FROM generate_series(1, :n) AS i;
INSERT INTO kenes.proposal (id, consultation_id, version_id, part_id, stance, text, lang, region,
                            channel, status, submitter, created_at)
SELECT g.id, v.consultation_id, v.id, p.id, (ARRAY['support', 'oppose', 'amend'])[1 + (g.i + :salt) % 3],
       'Partitioned proposal ' || g.id, (ARRAY['kk', 'ru', 'en'])[1 + g.i % 3],
       (SELECT array_agg(code ORDER BY code) FROM kenes.region)[1 + (g.i * :salt) % 7],
       (ARRAY['web', 'api'])[1 + g.i % 2],
       CASE WHEN g.i % 17 = 0 THEN 'hidden' ELSE 'published' END,
       CASE WHEN g.i % 4 = 0 THEN NULL ELSE sha256(('person-' || (g.i * :salt) % 60)::bytea) END, g.at
FROM g
JOIN kenes.consultation c ON c.slug = 'constitution-2026'
JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'article' AND p.number = 1 + g.i % 9;
INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
SELECT DISTINCT g.id, (SELECT array_agg(t.id ORDER BY t.id) FROM kenes.topic t)[1 + (g.i * j) % 5]
FROM g CROSS JOIN generate_series(1, g.i % 3) AS j;
INSERT INTO kenes.support (proposal_id, supporter, created_at)
SELECT g.id, sha256(('supporter-' || :salt || '-' || s)::bytea), least(g.at + s * interval '3 days', now())
FROM g CROSS JOIN generate_series(1, 1 + g.i % 3) AS s;
SQL
}
old=$(($(base "$month") - 1000000000)) now=$(($(base "$month") + 5000000000)) next=$(($(base $((month + 1))) + 5000000000))
gen "$old" 3000 1 && gen "$now" 3000 2 && gen "$next" 3000 3
check "rows in three partitions" eq "$(sql -c "SELECT string_agg(n::text, ' ' ORDER BY p) FROM (SELECT tableoid::regclass::text AS p, count(*) AS n FROM kenes.proposal WHERE id > $old GROUP BY 1) x")" "3000 3001 3000"
agg refresh >/dev/null 2>&1
check "a refresh succeeds" eq "$?" 0
check "the tallies equal the recount" recount_agrees

# Later: new rows in each partition, supports arriving for the old proposals, hides in the
# next month's, a topic moved in this month's, a withdrawn support in the old one.
gen $((old + 3000)) 1000 4 && gen $((now + 3000)) 1000 5 && gen $((next + 3000)) 1000 6
sql <<SQL
INSERT INTO kenes.support (proposal_id, supporter)
SELECT id, sha256(('late-' || id)::bytea) FROM kenes.proposal WHERE id BETWEEN $old AND $old + 500;
UPDATE kenes.proposal SET status = 'hidden' WHERE id BETWEEN $next AND $next + 400 AND id % 5 = 0;
UPDATE kenes.proposal_topic SET topic_id = (SELECT max(id) FROM kenes.topic)
WHERE proposal_id BETWEEN $now AND $now + 300 AND topic_id <> (SELECT max(id) FROM kenes.topic)
  AND proposal_id % 2 = 0
  AND topic_id = (SELECT min(x.topic_id) FROM kenes.proposal_topic x WHERE x.proposal_id = proposal_topic.proposal_id)
  AND NOT EXISTS (SELECT FROM kenes.proposal_topic x WHERE x.proposal_id = proposal_topic.proposal_id
                  AND x.topic_id = (SELECT max(id) FROM kenes.topic));
DELETE FROM kenes.support WHERE proposal_id BETWEEN $old AND $old + 200 AND proposal_id % 3 = 0;
SQL
check "changes were queued from every partition" test "$(sql -c "SELECT count(*) FROM kenes.tally_change")" -gt 3000
out=$(agg refresh 2>&1)
check "an incremental refresh succeeds" contains "$out" "changes applied"
check "the tallies equal the recount after it" recount_agrees
incremental=$(digest)
agg refresh --full >/dev/null 2>&1
check "--full equals incremental across partitions" eq "$(digest)" "$incremental"

# --- beyond the created months: the DEFAULT partition, reported, still counted -------------
far=$(($(base $((month + 12))) + 1))
gen $((far - 1)) 1 7
check "an id twelve months ahead goes to the DEFAULT partition" eq \
	"$(sql -c "SELECT tableoid::regclass FROM kenes.proposal WHERE id = $far")" kenes.proposal_default
check "ensure reports it" contains "$(sql -c "SELECT partition || ' ' || action FROM kenes.partitions_ensure(3)")" \
	"kenes.proposal_default holds 1 rows"
check "that month cannot be created while the row is there" contains \
	"$(sql -c "SELECT action FROM kenes.partitions_ensure(12) WHERE partition = 'kenes.$(name proposal $((month + 12)))'")" "failed"
for t in support proposal_topic proposal; do
	sql -c "ALTER TABLE kenes.$t DETACH PARTITION kenes.$(name $t $((month + 3)))" -c "DROP TABLE kenes.$(name $t $((month + 3)))"
done
out=$(KENES_LOG_LEVEL=info agg refresh 2>&1)
check "a refresh creates a missing month ahead" contains "$out" "created partition kenes.$(name proposal $((month + 3)))"
check "and says what is in the DEFAULT partition" contains "$out" "partition kenes.proposal_default: holds 1 rows"
check "the month is there again" eq "$(kind "$(name proposal $((month + 3)))")" r
check "the tallies still equal the recount" recount_agrees

finish
