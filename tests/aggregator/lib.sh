# tests/aggregator/lib.sh - what the aggregator's integration suites share. Source it after
# tests/lib/assert.sh. Needs KENES_ADMIN_URL (a superuser on database kenes).
#
#   agg_db NAME            create database NAME afresh, migrate it, load the example; sets
#                          DB (its connection string; sql() and agg() use it)
#   agg ARGS...            bin/kenes-aggregator on DB as the kenes_aggregator role
#   digest                 one md5 over everything the tallies hold (cells, days, counted state)
#   wait_no_aggregator     until no session of kenes-aggregator is left on the server

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
AGG=${AGG:-$root/bin/kenes-aggregator}

# The first call on a cluster migrates a template database; each call copies it (CREATE
# DATABASE ... TEMPLATE, a file copy) and runs sql/migrate on the copy, which finds nothing
# to do unless sql/ changed since the template was made. Migrating from empty every time
# cost 4 s of CPU, and the suites make a dozen databases.
agg_db() {
	local admin template=kenes_agg_template
	admin=$(echo "$KENES_ADMIN_URL" | sed 's/dbname=[^ ]*/dbname=postgres/')
	if [ "$(psql -X -tA -d "$admin" -c "SELECT count(*) FROM pg_database WHERE datname = '$template'")" != 1 ]; then
		psql -X -q -d "$admin" -c "CREATE DATABASE ${template}_new" >/dev/null 2>&1 &&
			"$root/sql/migrate" "$(echo "$KENES_ADMIN_URL" | sed "s/dbname=[^ ]*/dbname=${template}_new/")" \
				--load "$root/sql/data/constitution-2026.json" >/dev/null &&
			psql -X -q -d "$admin" -c "ALTER DATABASE ${template}_new RENAME TO $template" >/dev/null 2>&1 ||
			{ echo "cannot make the template database"; return 1; }
	fi
	psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 TEMPLATE $template" \
		>/dev/null 2>&1 || { echo "cannot create database $1"; return 1; }
	DB=$(echo "$KENES_ADMIN_URL" | sed "s/dbname=[^ ]*/dbname=$1/")
	"$root/sql/migrate" "$DB" --load "$root/sql/data/constitution-2026.json" >/dev/null
}

# The suites' sql() (tests/lib/assert.sh) talks to KENES_ADMIN_URL; point it at DB.
sql() {
	psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DB" "$@"
}

agg() {
	KENES_DATABASE_ROLE=kenes_aggregator "$AGG" -q -d "$DB" "$@"
}

digest() {
	sql <<'SQL'
SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
    SELECT format('cell %s %s %s %s %s', c.key, c.consultation_id, c.proposals, c.people, c.supports)
    FROM kenes.tally_cell c
    UNION ALL
    SELECT format('day %s %s %s %s', c.key, d.day, d.proposals, d.supports)
    FROM kenes.tally_day d JOIN kenes.tally_cell c ON c.id = d.cell_id
    WHERE d.proposals <> 0 OR d.supports <> 0
    UNION ALL
    SELECT format('pair %s %s %s %s', c.key, x.day, x.prev_day, x.people)
    FROM kenes.tally_people_day x JOIN kenes.tally_cell c ON c.id = x.cell_id
    UNION ALL
    SELECT format('applied %s', a.*) FROM kenes.tally_applied a
    UNION ALL
    SELECT format('support %s', s.*) FROM kenes.tally_applied_support s) AS all_rows(x)
SQL
}

wait_no_aggregator() {
	local i
	for i in $(seq 300); do
		[ "$(sql -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kenes-aggregator'")" = 0 ] && return 0
		sleep 0.1
	done
	return 1
}

# Runs the independent recount; true when every cell and day agrees. Prints its summary.
recount_agrees() {
	local out t=$SECONDS
	out=$(sql -f "$root/tests/aggregator/recount.sql" 2>&1)
	echo "$out" | grep -E '^(cells|days|periods|totals) ' | sed 's/^/     /'
	echo "     (recount in $((SECONDS - t))s)"
	# Here-strings, not `echo | grep -q`: grep -q exits at its first match, and under
	# pipefail the echo still writing the next line dies of SIGPIPE and fails the check.
	grep -q '^cells expected=[1-9][0-9]* differ=0$' <<<"$out" &&
		grep -q '^days expected=[1-9][0-9]* differ=0$' <<<"$out" &&
		grep -q '^periods expected=[1-9][0-9]* differ=0$' <<<"$out" || { head -30 <<<"$out"; return 1; }
}
