#!/usr/bin/env bash
# tests/run-all.sh - everything `make check` runs. After the build, independent lanes run at
# the same time, each with its own PostgreSQL cluster (and handler and nginx where it needs
# them) in a temp dir, so they share no state:
#   units        lint, cmocka unit tests plain and under ASan + UBSan, every libFuzzer harness
#   aggregator   the aggregator's tallies suites and the staff pages on their 100k proposals
#   reports      the aggregator's comparative table and reports (tests/integration/aggregator.sh)
#   integration  migrations from empty, schema, scale-out... (the rest of tests/integration/)
#   scale        the data-heavy integration suites: campaigns, import, partitions, races
#   recovery     the backup, point-in-time and synchronous-standby drills (tests/integration/)
#   e2e          the ASan + UBSan handler behind nginx: curl suites (tests/e2e/), the README's
#                commands, headless Chromium, the record-stream fuzzer, the outage test last;
#                then its log must hold no sanitizer report and it must exit 0 on SIGTERM
#   staff        the same for the staff workspace suites, positions and headless Chromium
#   attacks      the same for sqlmap, slow clients, hostile input and flood limits
#   valgrind     the plain build under memcheck through the API and form suites
#   faults       PostgreSQL and a worker killed and nginx reloaded under load; then injected
#                allocation and libpq failures (tests/faults/failshim.c)
#   clocks       the date-dependent suites again at chosen clocks (tests/clocks.sh)
# Each suite's output goes to a log; its result line, with its time, is printed as it ends,
# with the log's tail when it fails. The total time is printed last.
#
#   KEEP=1        keep the temp dir (every log) afterwards
#   ONLY=REGEX    run only the suites whose names match (e.g. ONLY='e2e (supports|outage)')
#   LANES="..."   run only these lanes (default: all of them)
#   MAX_LANES=N   at most N lanes at the same time (default 8)
#   FUZZ_SECONDS  each libFuzzer harness's time (default 3; `make fuzz` runs 20)
set -uo pipefail
. "$(dirname "$0")/../deploy/lib.sh"
cd "$KENES_ROOT"
# PostgreSQL's own programs before Debian's wrappers: /usr/bin/psql is a Perl script that
# picks a cluster and then runs the real psql, ≈ 45 ms of CPU a call that thousands of
# calls in the suites paid for nothing (they always name their database).
export PATH=$KENES_PG_BIN:$PATH
started=$SECONDS
tmp=$(mktemp -d /tmp/kenes-check.XXXXXX)
chmod 755 "$tmp"
mkdir -p "$tmp/logs"
: >"$tmp/failures"
# The longest first: lanes beyond MAX_LANES start as the first ones end.
lanes=${LANES:-aggregator scale attacks staff integration e2e faults clocks recovery units reports valgrind}

cleanup() {
	# Lanes clean up after themselves; this only stops whatever a killed lane left.
	for p in $(jobs -p); do kill -TERM "$p" 2>/dev/null; done
	wait 2>/dev/null
	for g in "$cpu_root"/kenes-check-$$-*; do [ -d "$g" ] && cgroup_remove "$g"; done
	if [ "${KEEP:-0}" = 1 ] || [ -s "$tmp/failures" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wanted() { [ -z "${ONLY:-}" ] || [[ $1 =~ $ONLY ]]; }
# A lane sets itself up only when one of its suites is wanted.
wanted_any() { # NAME...
	local n
	for n in "$@"; do wanted "$n" && return 0; done
	return 1
}

# Each lane in a cpuacct cgroup of its own where the kernel lets us make one (cgroup v1, as
# root), so every result line also says the CPU seconds its suite cost the machine, its
# servers' included: the lanes share two cores, and the total is what bounds make check.
cpu_root=/sys/fs/cgroup/cpuacct
lane_cgroup() { # NAME: move this lane's shell into its cgroup; its children follow
	cpu_group=$cpu_root/kenes-check-$$-$1
	mkdir "$cpu_group" 2>/dev/null && echo "$BASHPID" >"$cpu_group/cgroup.procs" 2>/dev/null || cpu_group=""
}
cpu_ns() { if [ -n "${cpu_group:-}" ]; then cat "$cpu_group/cpuacct.usage"; else echo 0; fi; }
cpu_since() { # NS: ", N s of CPU" since then, or nothing without a cgroup
	[ -n "${cpu_group:-}" ] && printf ', %d s of CPU' $((($(cpu_ns) - $1) / 1000000000))
}
cgroup_remove() { # DIR: whatever is left in it goes to the parent group, so the directory can go
	local p
	while read -r p; do echo "$p" >"$cpu_root/cgroup.procs" 2>/dev/null; done <"$1/cgroup.procs"
	rmdir "$1" 2>/dev/null
}
lane_cgroup_end() {
	[ -n "${cpu_group:-}" ] || return 0
	echo "$BASHPID" >"$cpu_root/cgroup.procs" 2>/dev/null
	cgroup_remove "$cpu_group"
	cpu_group=""
}

# run NAME COMMAND...: the command's output to its log; one result line with its time.
run() {
	local name=$1 t=$SECONDS c log
	shift
	wanted "$name" || return 0
	c=$(cpu_ns)
	log="$tmp/logs/$(echo "$name" | tr -c 'A-Za-z0-9_.-' '_').log"
	if "$@" >"$log" 2>&1; then
		printf -- '--- ok: %s (%ds%s)\n' "$name" $((SECONDS - t)) "$(cpu_since "$c")"
	else
		printf -- '--- FAILED: %s (%ds%s), log %s:\n%s\n' "$name" $((SECONDS - t)) "$(cpu_since "$c")" \
			"$log" "$(tail -n 40 "$log")"
		echo "$name" >>"$tmp/failures"
	fi
}
not() { ! "$@"; }

echo "=== build (warnings are errors), plain and with sanitizers"
t=$SECONDS
make -s all && make -s SANITIZE=1 all && make -s build/tests/failshim.so || { echo "build failed"; exit 1; }
echo "--- built ($((SECONDS - t))s)"

# One cluster made and migrated from empty before the lanes start; each lane starts a copy
# of it (initdb and the migrations cost each lane ~7 s of CPU otherwise).
echo "=== a migrated cluster for the lanes to copy"
t=$SECONDS
template=$tmp/template/pg
mkdir -p "$tmp/template"
kenes_pg_init "$template" && kenes_pg_start "$template" &&
	kenes_pg_prepare "$template" >"$tmp/logs/template-migrations.log" 2>&1 && kenes_pg_stop "$template" || {
	printf -- '--- FAILED: migrations from empty\n%s\n' "$(tail -n 20 "$tmp/logs/template-migrations.log")"
	exit 1
}
echo "--- made ($((SECONDS - t))s)"

# A lane's own cluster in $tmp/NAME/pg, a copy of the template; exports what the suites read.
lane_pg() { # NAME
	local dir=$tmp/$1/pg
	mkdir -p "$dir/run"
	cp -a "$template/data" "$dir/data" && chown postgres: "$dir" "$dir/run" 2>/dev/null
	# The last setting in the file wins: this lane's own socket directory.
	echo "unix_socket_directories = '$dir/run'" >>"$dir/data/postgresql.conf"
	kenes_pg_start "$dir" || { echo "--- FAILED: $1: cannot start PostgreSQL"; echo "$1 pg" >>"$tmp/failures"; return 1; }
	if ! kenes_pg_prepare "$dir" >"$tmp/logs/$1-migrations.log" 2>&1; then
		printf -- '--- FAILED: %s: migrations from empty\n%s\n' "$1" "$(tail -n 20 "$tmp/logs/$1-migrations.log")"
		echo "$1: migrations from empty" >>"$tmp/failures"
		return 1
	fi
	export KENES_PG_DIR=$dir
	export KENES_ADMIN_URL KENES_HANDLER_URL
	KENES_ADMIN_URL=$(kenes_pg_url "$dir" postgres)
	KENES_HANDLER_URL=$(kenes_pg_url "$dir" kenes_handler)
	kenes_key "$tmp/pseudonym.key"
	export KENES_PSEUDONYM_KEY_FILE=$tmp/pseudonym.key
}

# Starts the handler (with an optional wrapper command such as valgrind) and nginx in DIR on
# a free port of the lane's range; sets BASE_URL, fcgi_pid, nginx_pid.
fcgi_pid=""
nginx_pid=""
start_stack() { # DIR HANDLER-BINARY [WRAPPER...]
	local dir=$1 bin=$2 p
	shift 2
	mkdir -p "$dir"
	port=0
	for _ in $(seq 50); do
		p=$((port_base + RANDOM % 1500)) # lanes start 2000 apart, all below the
		# kernel's ephemeral ports (32768 and up), which an outgoing connection may hold
		kenes_port_free "$p" && kenes_port_free "$((p + 1))" && { port=$p; break; }
	done
	export BASE_URL=http://127.0.0.1:$port
	# max_body below nginx's 128k so that the e2e suite reaches the handler's own 413 too.
	KENES_SOCKET=$dir/fcgi.sock KENES_DATABASE_URL=$KENES_HANDLER_URL KENES_WORKERS=${WORKERS:-3} \
	KENES_MAX_BODY=100000 KENES_PSEUDONYM_KEY_FILE=$tmp/pseudonym.key \
	KENES_STRUCTURE_TTL=1 KENES_LOG_LEVEL=debug "$@" "$bin" 2>"$dir/fcgi.log" &
	fcgi_pid=$!
	for _ in $(seq 100); do [ -S "$dir/fcgi.sock" ] && break; sleep 0.1; done
	# Flood limits high enough for the concurrent suites; limits.sh has its own nginx.
	KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
		kenes_nginx_conf "$dir/nginx" "$port" "$dir/fcgi.sock"
	kenes_nginx_start "$dir/nginx" &
	nginx_pid=$!
	export KENES_HANDLER_LOG=$dir/fcgi.log KENES_ACCESS_LOG=$dir/nginx/access.log KENES_FCGI_SOCKET=$dir/fcgi.sock
	if ! kenes_wait_http "$BASE_URL/healthz" 60; then
		echo "--- FAILED: Kenes did not come up in $dir"
		cat "$dir/fcgi.log" "$dir/nginx/error.log" | tail -n 30
		echo "stack $dir" >>"$tmp/failures"
		stop_stack # the caller goes on to its next stack: leave nothing of this one running
		return 1
	fi
}

# Stops both; the handler's exit status is in stop_rc.
stop_stack() {
	[ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
	nginx_pid=""
	stop_rc=0
	if [ -n "$fcgi_pid" ]; then
		kill -TERM "$fcgi_pid"
		wait "$fcgi_pid"
		stop_rc=$?
	fi
	fcgi_pid=""
}

# Every lane stops what it started, whatever happens.
lane_exit() {
	stop_stack 2>/dev/null
	[ -n "${limited_pid:-}" ] && kill -QUIT "$limited_pid" 2>/dev/null
	[ -n "${KENES_PG_DIR:-}" ] && kenes_pg_stop "$KENES_PG_DIR" 2>/dev/null
	lane_cgroup_end
	true
}

lane_units() {
	run "lint: constant SQL" tests/lint/sql-constant.sh
	run "lint: it catches string-built SQL" not tests/lint/sql-constant.sh tests/lint/not-constant.c.sample
	run "lint: the programs share only common/" tests/lint/layers.sh
	run "lint: make format changes nothing" tests/lint/format.sh
	run "lint: the Makefile asks pkg-config only when a recipe needs it" tests/lint/makefile-lazy.sh
	run "lint: the README's shell blocks parse" bash -n <(awk '/^```(sh|bash)/{i=1;next} /^```/{i=0} i' README.md)
	run "unit" make -s unit
	run "unit (ASan+UBSan)" make -s SANITIZE=1 unit
	# One harness at a time: the other core is the other lanes'.
	run "fuzz" env JOBS=1 tests/fuzz/run.sh "${FUZZ_SECONDS:-3}"
}

# The integration suites in lanes of their own: the aggregator's, the recovery drills and
# the data-heavy ones; lane_integration runs the rest.
own_lane() { # NAME
	case $1 in
	aggregator | restore | pitr | sync-standby) echo other ;;
	campaigns | import | partitions | partitions-upgrade | moderation-race) echo scale ;;
	*) echo integration ;;
	esac
}
integration_lane() { # LANE: the suites of tests/integration/ that lane runs
	local t names=()
	for t in tests/integration/*.sh; do
		t=$(basename "$t" .sh)
		[ "$(own_lane "$t")" = "$1" ] && wanted "integration $t" && names+=("$t")
	done
	[ ${#names[@]} -gt 0 ] || return 0
	lane_pg "$1" || return
	for t in "${names[@]}"; do run "integration $t" "tests/integration/$t.sh"; done
}
lane_integration() { integration_lane integration; }
lane_scale() { integration_lane scale; }

# The aggregator's suites (100,000 proposals recounted) take longest: a lane of their own.
# The aggregator's two halves, each with a cluster of its own: the longest suites of all.
lane_aggregator() {
	wanted "integration aggregator" || return 0
	lane_pg aggregator || return
	run "integration aggregator" tests/integration/aggregator.sh tallies
}
lane_reports() {
	wanted "integration aggregator reports" || return 0
	lane_pg reports || return
	run "integration aggregator reports" tests/integration/aggregator.sh reports
}

# The recovery drills start their own clusters, handlers and pgBackRest repositories.
lane_recovery() {
	local t
	for t in restore pitr sync-standby; do
		run "integration $t" "tests/integration/$t.sh"
	done
}

# The handler built with ASan + UBSan behind nginx (and a second nginx with tight flood
# limits, for limits.sh), the suites in order, the outage last; then the handler must stop
# cleanly with nothing in its log from the sanitizers.
e2e_stack() { # NAME PORT-BASE SUITE...
	local name=$1 t
	port_base=$2
	shift 2
	lane_pg "$name" || return
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 start_stack "$tmp/$name/asan" bin/asan/kenes-fcgi || return
	lport=$((port + 1))
	KENES_POST_RATE=1r/s KENES_POST_BURST=3 KENES_POST_CONN=2 \
		kenes_nginx_conf "$tmp/$name/limited" "$lport" "$tmp/$name/asan/fcgi.sock"
	kenes_nginx_start "$tmp/$name/limited" &
	limited_pid=$!
	export LIMITED_BASE_URL=http://127.0.0.1:$lport
	kenes_wait_http "$LIMITED_BASE_URL/healthz" 10 || echo "the limited nginx did not come up"
	for t in "$@"; do
		case $t in
		readme)
			run "e2e README.md's commands" tests/docs/readme.sh
			run "e2e the README test catches an example that answers 401" \
				not tests/docs/readme.sh tests/docs/unauthorized.md.sample ;;
		browser) [ -x tests/browser/run.sh ] && run "browser (headless Chromium)" tests/browser/run.sh ;;
		stream) run "FastCGI record-stream fuzzing" tests/fuzz/fcgi_stream.sh "$tmp/$name/asan/fcgi.sock" 20 \
			"$tmp/$name/asan/fcgi.log" ;;
		outage) run "e2e database outage" tests/e2e/outage.sh ;;
		*) run "e2e $t" "tests/e2e/$t.sh" ;;
		esac
	done
	kill -QUIT "$limited_pid" 2>/dev/null
	wait "$limited_pid" 2>/dev/null
	limited_pid=""
	stop_stack
	run "$name: the handler exits 0 on SIGTERM" test "$stop_rc" -eq 0
	run "$name: no sanitizer reports in the handler log" \
		not grep -E -A20 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/$name/asan/fcgi.log"
}

# Every e2e suite once, in three stacks: the attack tools (long, mostly waiting), the staff
# workspace with the browser, and the rest.
lane_e2e() {
	local t suites=()
	for t in tests/e2e/*.sh; do
		t=$(basename "$t" .sh)
		case $t in outage | sqlmap | slow | hostile | limits | staff-* | positions) ;; *) suites+=("$t") ;; esac
	done
	wanted_any "${suites[@]/#/e2e }" "e2e README.md's commands" \
		"FastCGI record-stream fuzzing" "e2e database outage" || return 0
	e2e_stack e2e 20000 "${suites[@]}" readme stream outage
}
lane_staff() {
	local t suites=(positions)
	for t in tests/e2e/staff-*.sh; do suites+=("$(basename "$t" .sh)"); done
	wanted_any "${suites[@]/#/e2e }" "browser (headless Chromium)" || return 0
	e2e_stack staff 16000 "${suites[@]}" browser
}
lane_attacks() {
	wanted_any "e2e sqlmap" "e2e slow" "e2e hostile" "e2e limits" || return 0
	e2e_stack attacks 22000 sqlmap slow hostile limits
}

lane_valgrind() {
	port_base=24000
	wanted_any "e2e api (valgrind)" "e2e form (valgrind)" || return 0
	lane_pg valgrind || return
	WORKERS=1 start_stack "$tmp/valgrind" bin/kenes-fcgi valgrind -q --leak-check=full \
		--errors-for-leak-kinds=definite --show-leak-kinds=definite --error-exitcode=99 \
		--log-file="$tmp/valgrind/memcheck.%p.log" || return
	run "e2e api (valgrind)" tests/e2e/api.sh
	run "e2e form (valgrind)" tests/e2e/form.sh
	stop_stack
	# One log per process (master and worker); -q leaves them empty when all is well.
	run "valgrind ran on master and worker" test "$(ls "$tmp"/valgrind/memcheck.*.log 2>/dev/null | wc -l)" -ge 2
	run "valgrind: no errors, no definite leaks" bash -c "! grep -A30 . $tmp/valgrind/memcheck.*.log"
}

lane_faults() {
	local mode
	port_base=26000
	wanted_any faults "failures malloc:53" "failures malloc:97" "failures pq-error:5" "failures pq-null:7" \
		"failures pq-drop:6" || return 0
	lane_pg faults || return
	if wanted faults; then
		start_stack "$tmp/faults/stack" bin/kenes-fcgi || return
		KENES_FCGI_PID=$fcgi_pid KENES_NGINX_PID=$nginx_pid run "faults" tests/faults/faults.sh
		stop_stack
	fi
	# Every 53rd/97th allocation of a request or commit fails; every 5th-7th statement fails
	# with an error, comes back NULL, or finds its connection cut.
	for mode in malloc:53 malloc:97 pq-error:5 pq-null:7 pq-drop:6; do
		wanted "failures $mode" || continue
		start_stack "$tmp/faults/fail-${mode/:/-}" bin/kenes-fcgi env LD_PRELOAD="$KENES_ROOT/build/tests/failshim.so" \
			FAILSHIM="$mode" KENES_STRUCTURE_TTL=3600 || continue
		MODE=$mode run "failures $mode" tests/faults/failures.sh
		stop_stack
	done
}

lane_clocks() {
	wanted "clocks: the date-dependent suites at chosen clocks" || return 0
	CLOCK_TMP=$tmp/clocks run "clocks: the date-dependent suites at chosen clocks" tests/clocks.sh
}

echo "=== lanes, at the same time: $lanes"
# At most MAX_LANES at once (default 8), in the order of \$lanes; a lane that does not reach its
# end (a shell error) is a failure too.
running=0
for lane in $lanes; do
	if [ "$running" -ge "${MAX_LANES:-8}" ]; then
		wait -n
		running=$((running - 1))
	fi
	(
		trap lane_exit EXIT
		lane_started=$SECONDS
		lane_cgroup "$lane"
		"lane_$lane"
		printf -- '=== lane %s done (%ds%s)\n' "$lane" $((SECONDS - lane_started)) "$(cpu_since 0)"
		touch "$tmp/lane-$lane.done"
	) &
	running=$((running + 1))
done
wait
for lane in $lanes; do
	[ -e "$tmp/lane-$lane.done" ] && continue
	echo "--- FAILED: lane $lane stopped before its end"
	echo "lane $lane" >>"$tmp/failures"
done

echo
total=$((SECONDS - started))
if [ -s "$tmp/failures" ]; then
	echo "FAILED ($((total / 60)) min $((total % 60)) s): $(paste -sd, "$tmp/failures" | sed 's/,/, /g')"
	exit 1
fi
echo "all tests passed in $((total / 60)) min $((total % 60)) s"
