#!/usr/bin/env bash
# The staff workspace's numbers at scale: the e2e suites that compare the dashboard (a
# part's page, a report) with the tallies API and an SQL recount, run again against a handler on the
# database tallies.sh leaves behind (over 100,000 generated proposals and their supports,
# recounted there). Run after tallies.sh (tests/integration/aggregator.sh does).
# Needs KENES_ADMIN_URL, KENES_PG_DIR and KENES_PSEUDONYM_KEY_FILE (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
SUITE=aggregator-staff-scale
root=$KENES_ROOT
name=kenes_agg_tallies
db=$(echo "$KENES_ADMIN_URL" | sed "s/dbname=[^ ]*/dbname=$name/")
t0=$SECONDS

proposals=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM kenes.proposal" 2>/dev/null)
check "tallies.sh left its database ($name)" test "${proposals:-0}" -ge 100000
[ "${proposals:-0}" -ge 100000 ] || { finish; exit; }

dir=$(mktemp -d /tmp/kenes-staff-scale.XXXXXX)
chmod 755 "$dir"
trap 'stack_stop; rm -rf "$dir" "$_tmp"' EXIT
stack_handler "$dir/h" "$root/bin/kenes-fcgi" \
	KENES_DATABASE_URL="$(kenes_pg_url "$KENES_PG_DIR" kenes_handler "$name")" KENES_STRUCTURE_TTL=1 ||
	{ finish; exit; }
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/h/fcgi.sock"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
check "the handler and nginx answer" kenes_wait_http "http://127.0.0.1:$port/healthz" 20

# The suites' own refreshes stay incremental and skip what tallies.sh skipped; the lists
# that only show a busy part's top proposals are the small-scale run's (STAFF_LISTS=0).
export BASE_URL=http://127.0.0.1:$port KENES_ADMIN_URL=$db KENES_CAMPAIGNS=0 KENES_WEEKLY_REPORTS=0 STAFF_LISTS=0
for s in staff-dashboard staff-parts staff-agreement; do
	[ -x "$root/tests/e2e/$s.sh" ] || continue
	t=$SECONDS
	check "$s.sh on $proposals proposals" "$root/tests/e2e/$s.sh"
	echo "     $s.sh took $((SECONDS - t))s"
done
echo "     suite took $((SECONDS - t0))s"
finish
