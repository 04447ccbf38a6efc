#!/usr/bin/env bash
# Migration 023 on a database that has data: migrated up to 022 and filled (generated
# proposals, topics, supports, imported rows, a moderation mark), then migrated to the end.
# Nothing is copied or lost: every row is in the *_p0 partitions, the parents have the same
# indexes, triggers, foreign keys in and out, grants and views as the tables had, the
# tallies count old and new rows exactly (the aggregator needs 023: it creates the months
# ahead before each refresh), the imported keys still
# refuse a re-import, and new ids carry their month above every old one. Last, a rebuild
# asked by a migration (tally_state.rebuild_reason, 033) happens on the next refresh.
# Needs KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../aggregator/lib.sh"
export KENES_WEEKLY_REPORTS=0 KENES_CAMPAIGNS=0

# The migrations before 023, from a copy of sql/, as a database migrated then holds them:
# without today's functions, views and triggers (sql/README.md), which need 023 and later.
cp -r "$root/sql" "$_tmp/sql"
rm -f "$_tmp"/sql/migrations/02[3-9]_*.sql "$_tmp"/sql/migrations/0[3-9][0-9]_*.sql
rm -rf "$_tmp"/sql/functions "$_tmp"/sql/views "$_tmp"/sql/triggers
admin=$(echo "$KENES_ADMIN_URL" | sed 's/dbname=[^ ]*/dbname=postgres/')
psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS kenes_upgrade WITH (FORCE)" -c "CREATE DATABASE kenes_upgrade" >/dev/null
DB=$(echo "$KENES_ADMIN_URL" | sed "s/dbname=[^ ]*/dbname=kenes_upgrade/")
"$_tmp/sql/migrate" "$DB" --load "$root/sql/data/constitution-2026.json" >/dev/null
check "before: proposal is a plain table" eq "$(sql -c "SELECT relkind FROM pg_class WHERE oid = 'kenes.proposal'::regclass")" r

sql -v proposals=3000 -v supports=6000 -v first=1 -f "$root/tests/aggregator/generate.sql"
sql <<'SQL'
INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, channel, source, source_id)
SELECT v.consultation_id, v.id, p.id, 'support', 'Imported letter ' || i, 'ru', 'import', 'letter', 'L-' || i
FROM generate_series(1, 40) AS i
JOIN kenes.draft_version v ON v.is_current
JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'preamble';
INSERT INTO kenes.moderation_state (proposal_id, via, duplicate_of, log_id)
SELECT max(id), 'duplicate', min(id), 1 FROM kenes.proposal;
SQL

# What must survive, described without partition names.
shape() {
	sql <<'SQL'
SELECT 'index ' || c.relname || ' ' || regexp_replace(pg_get_indexdef(i.indexrelid), '^.* USING ', '')
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid IN ('kenes.proposal'::regclass, 'kenes.proposal_topic'::regclass, 'kenes.support'::regclass)
  AND c.relname <> 'proposal_source_unique'
UNION ALL
SELECT 'fk ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
FROM pg_constraint
WHERE contype = 'f' AND conparentid = 0
  AND conrelid::regclass::text <> 'kenes.proposal_source'
  AND (conrelid IN ('kenes.proposal'::regclass, 'kenes.proposal_topic'::regclass, 'kenes.support'::regclass)
       OR confrelid IN ('kenes.proposal'::regclass, 'kenes.proposal_topic'::regclass, 'kenes.support'::regclass))
UNION ALL
-- 031 made each table's tally_capture_new_X/old_X pair one tally_capture_X: the same trigger.
SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' ||
       regexp_replace(regexp_replace(pg_get_triggerdef(oid), '^.* EXECUTE ', ''), 'tally_capture_(new|old)_', 'tally_capture_')
FROM pg_trigger
WHERE tgrelid IN ('kenes.proposal'::regclass, 'kenes.proposal_topic'::regclass, 'kenes.support'::regclass)
  AND NOT tgisinternal
UNION ALL
SELECT 'grant ' || r || ' ' || t || ' ' || p || ' ' || has_table_privilege(r, t, p)
FROM unnest(ARRAY['kenes_handler', 'kenes_importer', 'kenes_aggregator', 'kenes_analyst']) AS r,
     unnest(ARRAY['kenes.proposal', 'kenes.proposal_topic', 'kenes.support']) AS t,
     unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p
UNION ALL
SELECT 'column ' || r || ' ' || a.attname || ' ' || p || ' ' || has_column_privilege(r, 'kenes.proposal', a.attname, p)
FROM unnest(ARRAY['kenes_handler', 'kenes_importer']) AS r,
     pg_attribute a, unnest(ARRAY['SELECT', 'INSERT']) AS p
WHERE a.attrelid = 'kenes.proposal'::regclass AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'view ' || c.relname || ' ' || md5(pg_get_viewdef(c.oid))
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'kenes' WHERE c.relkind = 'v'
ORDER BY 1
SQL
}
rows() {
	sql -c "SELECT (SELECT count(*) || ' ' || sum(support_count) || ' ' || max(id) FROM kenes.proposal) || ' '
	               || (SELECT count(*) FROM kenes.proposal_topic) || ' ' || (SELECT count(*) FROM kenes.support)"
}
shape_before=$(shape)
rows_before=$(rows)
max_before=$(sql -c "SELECT max(id) FROM kenes.proposal")

out=$("$root/sql/migrate" "$DB" 2>&1)
check "migrating to the end succeeds" eq "$?" 0
check "it applied 023" contains "$out" "applying 023_partitions"
check "then today's function bodies" contains "$out" "applying functions/proposal_store_set.sql"
for t in proposal proposal_topic support; do
	check "after: $t is partitioned" eq "$(sql -c "SELECT relkind FROM pg_class WHERE oid = 'kenes.$t'::regclass")" p
	check "after: every $t row is in ${t}_p0" eq \
		"$(sql -c "SELECT count(*) FROM kenes.$t WHERE tableoid <> 'kenes.${t}_p0'::regclass")" 0
done
check "the same rows, support counts and ids" eq "$(rows)" "$rows_before"
# Everything that was there is there (later migrations may add, e.g. suggestion_member's key).
check "the same indexes, foreign keys, triggers, grants and views" eq \
	"$(comm -23 <(echo "$shape_before" | sort) <(shape | sort))" ""
agg refresh >/dev/null 2>&1
check "a first refresh after the migration" eq "$?" 0
check "counts the rows stored before it exactly" recount_agrees
check "the imported keys moved to proposal_source" eq "$(sql -c "SELECT count(*) FROM kenes.proposal_source")" 40
out=$(sql -c "INSERT INTO kenes.proposal_source SELECT consultation_id, source, source_id, id FROM kenes.proposal WHERE source_id = 'L-7'" 2>&1)
check "and refuse one stored already" contains "$out" "proposal_source_pkey"

sql -v proposals=1000 -v supports=2000 -v first=3001 -f "$root/tests/aggregator/generate.sql"
check "new ids are above every old one" test "$(sql -c "SELECT min(id) FROM kenes.proposal WHERE id > $max_before")" -gt "$max_before"
check "and in this month's partition" eq \
	"$(sql -c "SELECT count(DISTINCT tableoid) || ' ' || min(id) / 10000000000 FROM kenes.proposal WHERE id > $max_before")" \
	"1 $(sql -c "SELECT kenes.proposal_month(now())")"
sql -c "INSERT INTO kenes.support (proposal_id, supporter) SELECT id, sha256(('after-' || id)::bytea) FROM kenes.proposal WHERE id <= 100" >/dev/null
agg refresh >/dev/null 2>&1
check "an incremental refresh after more rows" eq "$?" 0
check "counts old and new rows exactly" recount_agrees

# A migration that adds tally cells to tallies made before it (033: part x region, part x
# channel) sets tally_state.rebuild_reason, as this does: the next refresh rebuilds.
sql -c "UPDATE kenes.tally_state SET rebuild_reason = 'new cells of a test'" >/dev/null
out=$(agg refresh 2>&1)
check "a rebuild asked by a migration: the next refresh rebuilds" contains "$out" "rebuilding the tallies from scratch: new cells of a test"
check "... clears the request" eq "$(sql -c 'SELECT rebuild_reason IS NULL FROM kenes.tally_state')" t
check "... and counts every cell exactly" recount_agrees

finish
