#!/usr/bin/env bash
# tests/clocks.sh [CLOCK...] - the suites that depend on today's date, the ISO week or the
# time zone, run again as if it were another moment: PostgreSQL (whose now() the programs
# use), the handler, the aggregator and the test scripts all run under libfaketime (Debian's
# faketime) with the same offset, so every clock agrees. For each clock, a copy of a cluster
# migrated at the earliest clock, the handler and nginx; then the unit tests, the
# aggregator's report suite and the e2e suites that read "today". A CLOCK is
# "YYYY-MM-DD HH:MM ZONE". Default: the ones below.
# Needs the build (bin/) and CLOCK_TMP, a directory of its own (tests/run-all.sh gives one);
# CLOCK_SUITES=REGEX runs only the suites whose names match.
set -uo pipefail
. "$(dirname "$0")/../deploy/lib.sh"
cd "$KENES_ROOT"

clocks=("$@")
chosen=$((${#clocks[@]} > 0))
[ ${#clocks[@]} -gt 0 ] || clocks=(
	"2026-12-14 00:30 Asia/Almaty" # Monday, half an hour into the ISO week (Sunday 19:30 UTC)
	"2026-12-13 23:59 Asia/Almaty" # Sunday, the week's last minute
	"2026-12-31 23:58 Asia/Almaty" # the last day of 2026, whose ISO year has a week 53
	"2027-01-01 00:30 Asia/Almaty" # New Year's day: still ISO week 2026-W53
	"2027-01-04 00:30 Asia/Almaty" # the Monday after it: 2026-W53's report is due
	"2026-12-08 00:00 UTC"         # UTC midnight (05:00 in Almaty)
)
# Every suite runs at the first clock (Sunday 19:30 UTC: Almaty's day is already the next)
# and at UTC midnight (UTC's day turns, Almaty's not); at the week's and the ISO year's
# edges, the suites that count weeks: the weekly reports, the unit tests, the tallies and a
# part's weekly trend (the others read only "today", which those two clocks move across each
# zone's date line).
every_suite=("2026-12-14 00:30 Asia/Almaty" "2026-12-08 00:00 UTC")
week_suites='^(aggregator reports|unit tests|e2e tallies|e2e staff-parts)$'
faketime_lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1
[ -r "$faketime_lib" ] || { echo "libfaketime is missing (Debian package faketime)"; exit 1; }
dir=${CLOCK_TMP:?set CLOCK_TMP}
mkdir -p "$dir"
chmod 755 "$dir"
failed=()
fcgi_pid=""
nginx_pid=""
pg=""

stop_all() {
	[ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
	[ -n "$fcgi_pid" ] && kill -TERM "$fcgi_pid" 2>/dev/null && wait "$fcgi_pid" 2>/dev/null
	[ -n "$pg" ] && kenes_pg_stop "$pg" 2>/dev/null
	nginx_pid="" fcgi_pid="" pg=""
}
trap stop_all EXIT

# Sets FAKETIME so that from now on every process started with the library thinks it is
# `clock`; the monotonic clock stays real, so timeouts and sleeps are as long as they say.
fake_clock() { # "YYYY-MM-DD HH:MM ZONE"
	local when=${1% *} zone=${1##* } target
	target=$(TZ=$zone date -d "$when" +%s) || return 1
	# A signed offset: libfaketime ignores "+-5700s", and a clock already past ran at today's.
	FAKETIME=$(printf '%+ds' $((target - $(date +%s))))
	export FAKETIME FAKETIME_DONT_FAKE_MONOTONIC=1
}

# PostgreSQL under the fake clock. The library is loaded only by processes of the postgres
# user: a root process that loads it makes a shared-memory segment for its children and names
# it in FAKETIME_SHARED, which the postgres user's processes may not open.
fake_pg_start() { # DIR
	kenes_as_pg env -u FAKETIME_SHARED LD_PRELOAD="$faketime_lib" FAKETIME="$FAKETIME" FAKETIME_DONT_FAKE_MONOTONIC=1 \
		"$KENES_PG_BIN/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 60 start >/dev/null
}

suite() { # NAME COMMAND...
	local name=$1 t=$SECONDS log
	shift
	[[ $name =~ ${CLOCK_SUITES:-.} ]] || return 0
	[ "$all_suites" = 1 ] || [[ $name =~ $week_suites ]] || return 0
	log=$dir/$(echo "$label $name" | tr -c 'A-Za-z0-9_.-' '_').log
	if LD_PRELOAD=$faketime_lib "$@" >"$log" 2>&1; then
		echo "--- ok: [$label] $name ($((SECONDS - t))s)"
	else
		echo "--- FAILED: [$label] $name ($((SECONDS - t))s), log $log:"
		tail -n 30 "$log"
		failed+=("[$label] $name")
	fi
}

# One clock: its own cluster, handler and nginx; the suites one after the other.
run_clock() { # CLOCK INDEX
	local clock=$1 label=$1 work port t c
	all_suites=0
	for c in "${every_suite[@]}"; do [ "$c" = "$clock" ] && all_suites=1; done
	[ "$chosen" = 1 ] && all_suites=1 # clocks given on the command line: every suite
	work=$dir/$(echo "$clock" | tr -c 'A-Za-z0-9' '-')
	pg=$work/pg
	mkdir -p "$work"
	fake_clock "$clock" || { failed+=("[$label] bad clock"); return 1; }
	mkdir -p "$pg/run" && cp -a "$dir/template/data" "$pg/data" && chown postgres: "$pg" "$pg/run" &&
		echo "unix_socket_directories = '$pg/run'" >>"$pg/data/postgresql.conf" && fake_pg_start "$pg" &&
		kenes_pg_prepare "$pg" >"$work/migrate.log" 2>&1 || { failed+=("[$label] database"); stop_all; return 1; }
	export KENES_PG_DIR=$pg KENES_ADMIN_URL KENES_HANDLER_URL
	KENES_ADMIN_URL=$(kenes_pg_url "$pg" postgres)
	KENES_HANDLER_URL=$(kenes_pg_url "$pg" kenes_handler)
	kenes_key "$work/pseudonym.key"
	export KENES_PSEUDONYM_KEY_FILE=$work/pseudonym.key
	for _ in $(seq 50); do
		port=$((29000 + $2 * 400 + RANDOM % 400))
		kenes_port_free "$port" && break
	done
	export BASE_URL=http://127.0.0.1:$port
	KENES_SOCKET=$work/fcgi.sock KENES_DATABASE_URL=$KENES_HANDLER_URL KENES_WORKERS=2 KENES_STRUCTURE_TTL=1 \
		LD_PRELOAD=$faketime_lib bin/kenes-fcgi 2>"$work/fcgi.log" &
	fcgi_pid=$!
	for _ in $(seq 100); do [ -S "$work/fcgi.sock" ] && break; sleep 0.1; done
	KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
		kenes_nginx_conf "$work/nginx" "$port" "$work/fcgi.sock"
	kenes_nginx_start "$work/nginx" &
	nginx_pid=$!
	export KENES_HANDLER_LOG=$work/fcgi.log KENES_ACCESS_LOG=$work/nginx/access.log
	kenes_wait_http "$BASE_URL/healthz" 30 || { failed+=("[$label] stack"); stop_all; return 1; }
	# The set-up took some seconds of the clock: start it again at the chosen minute, for the
	# database (the handler reconnects by itself) and for everything started from here on.
	fake_clock "$clock"
	kenes_pg_stop "$pg" && fake_pg_start "$pg" || { failed+=("[$label] restart"); stop_all; return 1; }
	kenes_wait_http "$BASE_URL/healthz" 30
	echo "=== [$label]: the database says $(psql -X -tA -d "$KENES_ADMIN_URL" -c "SELECT now() AT TIME ZONE 'Asia/Almaty' || ' in Almaty, ' || to_char(now() AT TIME ZONE 'Asia/Almaty', 'IYYY-\"W\"IW')")"
	# Within a few minutes of the chosen one, or every suite below ran at the wrong moment.
	[ "$(psql -X -tA -d "$KENES_ADMIN_URL" -v when="${clock% *}" -v zone="${clock##* }" \
		<<<"SELECT abs(extract(epoch FROM now() - (:'when'::timestamp AT TIME ZONE :'zone'))) < 600")" = t ] ||
		{ failed+=("[$label] the database's clock is not the chosen one"); stop_all; return 1; }
	# The week's report boundary first: it is checked within seconds of the chosen minute.
	suite "aggregator reports" env AGG="$KENES_ROOT/bin/kenes-aggregator" REPORTS_WEEKS_ONLY=$((1 - all_suites)) \
		tests/aggregator/reports.sh
	suite "unit tests" bash -c 'for t in build/tests/test_*; do [ -x "$t" ] && [ "${t%.so}" = "$t" ] || continue; "$t" || exit 1; done'
	for t in tallies campaigns drafts moderation staff-parts staff-reports; do
		suite "e2e $t" "tests/e2e/$t.sh"
	done
	stop_all
	[ ${#failed[@]} -eq 0 ]
}

# One cluster made and migrated at the earliest clock; each clock starts a copy of it, a
# service installed before that clock's moment (initdb and the migrations cost ~7 s of CPU).
make_template() {
	local earliest
	earliest=$(for c in "${clocks[@]}"; do echo "$(TZ=${c##* } date -d "${c% *}" +%s) $c"; done | sort -n | head -1 | cut -d' ' -f2-)
	pg=$dir/template
	fake_clock "$earliest" && kenes_pg_init "$pg" >/dev/null && fake_pg_start "$pg" &&
		kenes_pg_prepare "$pg" >"$dir/template-migrate.log" 2>&1 && kenes_pg_stop "$pg" || {
		echo "FAILED: a migrated cluster at $earliest"
		tail -n 20 "$dir/template-migrate.log" 2>/dev/null
		exit 1
	}
	pg=""
}
make_template

# The clocks at the same time: each is mostly waiting for its database and handler.
pids=()
i=0
for clock in "${clocks[@]}"; do
	log=$dir/clock-$(echo "$clock" | tr -c 'A-Za-z0-9' '-').log
	(
		trap stop_all EXIT
		run_clock "$clock" "$i"
		rc=$?
		[ "$rc" -eq 0 ] || echo "--- [$clock]: failed (${failed[*]:-no suite failed})"
		exit "$rc"
	) >"$log" 2>&1 &
	i=$((i + 1))
	pids+=("$!:$log:$clock")
done
for p in "${pids[@]}"; do
	pid=${p%%:*} rest=${p#*:}
	log=${rest%%:*} clock=${rest#*:}
	wait "$pid"
	rc=$?
	[ "$rc" -eq 0 ] || failed+=("[$clock] (exit status $rc)")
	cat "$log"
done

if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED at a chosen clock: ${failed[*]}"
	exit 1
fi
echo "every date-dependent suite passed at: ${clocks[*]}"
