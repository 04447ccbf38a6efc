#!/usr/bin/env bash
# The functions, views and triggers the database holds are exactly the files of
# sql/functions, sql/views and sql/triggers (sql/README.md): one file per object of schema
# kenes, named after it, and applying every file again changes nothing (definitions,
# owners, grants). Then, on a database of its own, how sql/migrate applies them: a changed
# file again (grants and SECURITY DEFINER kept), a migration recreating a body overridden
# by its file, all due files or none when one fails.
# Needs KENES_ADMIN_URL (a superuser on database kenes).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/sql"

# What the database holds, one line per object: its definition's digest, owner and grants.
shape() { # [SQL to run first, in the same transaction]
	sql <<SQL
BEGIN;
${1:-}
SELECT 'function ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid)) || ' '
       || pg_get_userbyid(p.proowner) || ' ' || coalesce(p.proacl::text, '-')
FROM pg_proc p WHERE p.pronamespace = 'kenes'::regnamespace
UNION ALL
SELECT 'view ' || c.oid::regclass || ' ' || md5(pg_get_viewdef(c.oid)) || ' '
       || coalesce(c.reloptions::text, '-') || ' ' || coalesce(c.relacl::text, '-')
FROM pg_class c WHERE c.relnamespace = 'kenes'::regnamespace AND c.relkind IN ('v', 'm')
UNION ALL
SELECT 'trigger ' || t.tgrelid::regclass || ' ' || t.tgname || ' ' || md5(pg_get_triggerdef(t.oid))
       || ' ' || t.tgenabled::text
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'kenes'::regnamespace AND NOT t.tgisinternal
ORDER BY 1;
ROLLBACK;
SQL
}
files() { ls functions/*.sql views/*.sql triggers/*.sql; }
every_file() { files | sed 's/^/\\i /'; }

# One file per object, named after it.
objects=$(sql <<'SQL'
SELECT 'functions/' || proname || '.sql' FROM pg_proc WHERE pronamespace = 'kenes'::regnamespace
UNION ALL
SELECT 'views/' || relname || '.sql' FROM pg_class
WHERE relnamespace = 'kenes'::regnamespace AND relkind IN ('v', 'm')
UNION ALL
SELECT DISTINCT 'triggers/' || t.tgname || '.sql' FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'kenes'::regnamespace AND NOT t.tgisinternal AND t.tgparentid = 0
ORDER BY 1
SQL
)
check "every function, view and trigger of kenes has its file, and every file its object" \
	eq "$(diff <(echo "$objects" | sort) <(files | sort))" ""
check "no function name is overloaded (one file, one function)" eq \
	"$(sql -c "SELECT count(*) - count(DISTINCT proname) FROM pg_proc WHERE pronamespace = 'kenes'::regnamespace")" 0
check "no trigger name is on two tables" eq "$(sql -c "SELECT count(DISTINCT tgrelid) FROM pg_trigger t
	JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'kenes'::regnamespace AND NOT t.tgisinternal
	AND t.tgparentid = 0 GROUP BY tgname ORDER BY 1 DESC LIMIT 1")" 1
defines_itself() { # FILE: one CREATE OR REPLACE, of the object the file is named after
	local kind=${1%%s/*} name
	name=$(basename "$1" .sql)
	[ "$kind" = trigger ] || name="kenes\\.$name"
	[ "$(grep -ciE '^CREATE ' "$1")" = 1 ] &&
		grep -qiE "^CREATE OR REPLACE $kind $name( |\\(|\$)" "$1"
}
for f in $(files); do
	check "$f is one CREATE OR REPLACE of its object" defines_itself "$f"
done

# The database holds the files: applying them all again changes nothing.
held=$(shape)
check "the shape lists every function" eq "$(echo "$held" | grep -c '^function ')" "$(ls functions | wc -l)"
check "applying every file again changes no definition, owner or grant" \
	eq "$(diff <(echo "$held") <(shape "$(every_file)"))" ""
recorded=$(sql -c "SELECT checksum || '  ' || name FROM public.kenes_repeatable ORDER BY name")
check "each file's checksum is recorded as applied" eq "$recorded" "$(sha256sum $(files) | sort -k2)"

# sql/migrate on a database of its own, from a copy of sql/.
admin=$(echo "$KENES_ADMIN_URL" | sed 's/dbname=[^ ]*/dbname=postgres/')
psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS kenes_repeatable WITH (FORCE)" \
	-c "CREATE DATABASE kenes_repeatable" >/dev/null 2>&1
trap 'psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS kenes_repeatable WITH (FORCE)" >/dev/null; rm -rf "$_tmp"' EXIT
KENES_ADMIN_URL=$(echo "$KENES_ADMIN_URL" | sed 's/dbname=[^ ]*/dbname=kenes_repeatable/')
cp -r "$root/sql" "$_tmp/sql"
migrate() { "$_tmp/sql/migrate" "$KENES_ADMIN_URL" 2>&1; }
body() { sql -c "SELECT prosrc FROM pg_proc WHERE oid = '$1'::regprocedure"; }
store=kenes.proposal_store_batch\(jsonb\)

out=$(migrate)
check "from empty: every file applied once" eq "$(echo "$out" | grep -c '^applying [a-z]*/')" "$(files | wc -l)"
n=$(ls migrations/[0-9]*.sql | wc -l)
check "after the migrations" eq "$(echo "$out" | grep '^applying ' | head -n "$n" | grep -c '^applying [0-9]')" "$n"
check "a rerun applies nothing" eq "$(migrate)" ""

# A changed file is applied again, alone; what the migrations granted stays.
sed -i "s/^    SELECT \* FROM kenes.batch_store('proposal', jobs)$/&  -- changed/" "$_tmp/sql/functions/proposal_store_batch.sql"
out=$(migrate)
check "a changed file is applied again" eq "$out" "applying functions/proposal_store_batch.sql"
check "its new body runs" contains "$(body "$store")" "-- changed"
check "still SECURITY DEFINER" eq "$(sql -c "SELECT prosecdef FROM pg_proc WHERE oid = '$store'::regprocedure")" t
check "the handler may still call it" eq "$(sql -c "SELECT has_function_privilege('kenes_handler', '$store', 'EXECUTE')")" t
check "the analyst still may not" eq "$(sql -c "SELECT has_function_privilege('kenes_analyst', '$store', 'EXECUTE')")" f

# A migration that recreates a body: the file, applied after it, is what runs.
cat >"$_tmp/sql/migrations/999_test_recreate.sql" <<'SQL'
CREATE OR REPLACE FUNCTION kenes.retry_after(newest_first timestamptz[], cap integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
SQL
out=$(migrate)
check "a migration applied" contains "$out" "applying 999_test_recreate"
check "then every file again" eq "$(echo "$out" | grep -c '^applying [a-z]*/')" "$(files | wc -l)"
check "so the file's body runs, not the migration's" contains "$(body 'kenes.retry_after(timestamptz[],integer)')" "cardinality"

# One transaction: a file that fails leaves every body and checksum as it was.
sed -i 's/-- changed/-- changed twice/' "$_tmp/sql/functions/proposal_store_batch.sql"
echo "CREATE OR REPLACE VIEW kenes.tally AS SELECT 1 AS no_such_column;" >"$_tmp/sql/views/tally.sql"
out=$(migrate)
rc=$?
check "a file that fails fails sql/migrate" not test "$rc" -eq 0
check "and says why" contains "$out" "ERROR"
check "the other changed file is not applied" lacks "$(body "$store")" "changed twice"
cp "$root/sql/views/tally.sql" "$_tmp/sql/views/tally.sql"
check "put back, only the other file is due" eq "$(migrate)" "applying functions/proposal_store_batch.sql"
check "and its new body runs" contains "$(body "$store")" "changed twice"

finish
