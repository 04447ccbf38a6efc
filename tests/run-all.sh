#!/usr/bin/env bash
# tests/run-all.sh - everything `make check` runs:
#   1. cmocka unit tests, plain and under ASan + UBSan; every libFuzzer harness for a while
#   2. a throwaway PostgreSQL cluster in a temp dir: migrations from empty, schema tests
#   3. the handler built with ASan + UBSan behind a real nginx on a free loopback port:
#      curl suites (tests/e2e/*.sh), the headless Chromium test (tests/browser/), and last
#      the database outage test
#   4. the handler's log must hold no sanitizer report
#   5. the plain build under valgrind memcheck through the curl suites: no errors, no leaks
#   6. faults under load (tests/faults/): PostgreSQL and a worker killed, nginx reloaded
#   7. allocation and libpq failures injected into the handler (tests/faults/failshim.c)
# Set KEEP=1 to keep the temp dir (logs) afterwards.
set -uo pipefail
. "$(dirname "$0")/../deploy/lib.sh"
cd "$KENES_ROOT"

failures=()
not() { ! "$@" >/dev/null; }
step() { echo; echo "=== $*"; }
run() { # NAME COMMAND...
	local name=$1
	shift
	if "$@"; then echo "--- ok: $name"; else echo "--- FAILED: $name"; failures+=("$name"); fi
}

step "build (warnings are errors), plain and with sanitizers"
make -s all && make -s SANITIZE=1 all || { echo "build failed"; exit 1; }

step "lint: every SQL statement is a constant"
run "lint: constant SQL" tests/lint/sql-constant.sh
run "lint: it catches string-built SQL" not tests/lint/sql-constant.sh tests/lint/not-constant.c.sample

step "unit tests"
run "unit" make -s unit
run "unit (ASan+UBSan)" make -s SANITIZE=1 unit

step "fuzzing: every libFuzzer harness over its corpus and regressions (tests/fuzz/)"
run "fuzz" tests/fuzz/run.sh "${FUZZ_SECONDS:-20}"

tmp=$(mktemp -d /tmp/kenes-check.XXXXXX)
chmod 755 "$tmp"
fcgi_pid=""
nginx_pid=""
cleanup() {
	[ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null
	[ -n "$fcgi_pid" ] && kill -TERM "$fcgi_pid" 2>/dev/null && wait "$fcgi_pid" 2>/dev/null
	kenes_pg_stop "$tmp/pg" 2>/dev/null
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

step "throwaway PostgreSQL in $tmp/pg"
kenes_pg_init "$tmp/pg" && kenes_pg_start "$tmp/pg" || { echo "cannot start PostgreSQL"; exit 1; }
run "migrations from empty" kenes_pg_prepare "$tmp/pg"
export KENES_PG_DIR=$tmp/pg
export KENES_ADMIN_URL KENES_HANDLER_URL
KENES_ADMIN_URL=$(kenes_pg_url "$tmp/pg" postgres)
KENES_HANDLER_URL=$(kenes_pg_url "$tmp/pg" kenes_handler)
kenes_key "$tmp/pseudonym.key"
export KENES_PSEUDONYM_KEY_FILE=$tmp/pseudonym.key
for t in tests/integration/*.sh; do
	run "integration $(basename "$t" .sh)" "$t"
done

# Starts the handler (with an optional wrapper command such as valgrind) and nginx in DIR on
# a free port; sets BASE_URL, fcgi_pid, nginx_pid.
start_stack() { # DIR HANDLER-BINARY [WRAPPER...]
	local dir=$1 bin=$2 p
	shift 2
	mkdir -p "$dir"
	port=0
	for _ in $(seq 50); do
		p=$((20000 + RANDOM % 20000))
		kenes_port_free "$p" && { port=$p; break; }
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
	if ! kenes_wait_http "$BASE_URL/healthz" 30; then
		echo "Kenes did not come up"
		cat "$dir/fcgi.log" "$dir/nginx/error.log"
		exit 1
	fi
	echo "serving $BASE_URL"
}

# Stops both; the handler's exit status is in stop_rc.
stop_stack() {
	kill -QUIT "$nginx_pid" 2>/dev/null
	wait "$nginx_pid" 2>/dev/null
	nginx_pid=""
	kill -TERM "$fcgi_pid"
	wait "$fcgi_pid"
	stop_rc=$?
	fcgi_pid=""
}

step "handler (ASan+UBSan) and nginx"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 start_stack "$tmp/asan" bin/asan/kenes-fcgi

# A second nginx in front of the same handler, with tight flood limits, for limits.sh.
limited_pid=""
lport=$((port + 1))
kenes_port_free "$lport" || lport=$((port + 2))
KENES_POST_RATE=1r/s KENES_POST_BURST=3 KENES_POST_CONN=2 \
	kenes_nginx_conf "$tmp/limited" "$lport" "$tmp/asan/fcgi.sock"
kenes_nginx_start "$tmp/limited" &
limited_pid=$!
export LIMITED_BASE_URL=http://127.0.0.1:$lport
kenes_wait_http "$LIMITED_BASE_URL/healthz" 10 || echo "the limited nginx did not come up"

step "end to end"
for t in tests/e2e/*.sh; do
	[ "$t" = tests/e2e/outage.sh ] && continue # last: it stops the database
	run "e2e $(basename "$t" .sh)" "$t"
done
if [ -x tests/browser/run.sh ]; then
	run "browser (headless Chromium)" tests/browser/run.sh
fi
run "FastCGI record-stream fuzzing" tests/fuzz/fcgi_stream.sh "$tmp/asan/fcgi.sock" 20 "$tmp/asan/fcgi.log"
run "e2e database outage" tests/e2e/outage.sh

step "graceful stop and sanitizer reports"
kill -QUIT "$limited_pid" 2>/dev/null
wait "$limited_pid" 2>/dev/null
stop_stack
run "handler exits 0 on SIGTERM" test "$stop_rc" -eq 0
run "no sanitizer reports in the handler log" \
	bash -c "! grep -E 'AddressSanitizer|LeakSanitizer|runtime error' '$tmp/asan/fcgi.log'"
grep -E -A20 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/asan/fcgi.log" | head -60

step "valgrind memcheck: the plain build under the curl suites"
WORKERS=1 start_stack "$tmp/valgrind" bin/kenes-fcgi valgrind -q --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite --error-exitcode=99 \
	--log-file="$tmp/valgrind/memcheck.%p.log"
run "e2e api (valgrind)" tests/e2e/api.sh
run "e2e form (valgrind)" tests/e2e/form.sh
stop_stack
# One log per process (master and worker); -q leaves them empty when all is well.
run "valgrind ran on master and worker" test "$(ls "$tmp"/valgrind/memcheck.*.log 2>/dev/null | wc -l)" -ge 2
run "valgrind: no errors, no definite leaks" bash -c "! grep -q . $tmp/valgrind/memcheck.*.log"
cat "$tmp"/valgrind/memcheck.*.log | head -60

step "faults: SIGKILL PostgreSQL and a worker, reload nginx, under load"
start_stack "$tmp/faults" bin/kenes-fcgi
KENES_FCGI_PID=$fcgi_pid KENES_NGINX_PID=$nginx_pid run "faults" tests/faults/faults.sh
stop_stack

step "injected failures: allocations and libpq calls (tests/faults/failshim.c)"
make -s build/tests/failshim.so
# Every 53rd/97th allocation of a request or commit fails; every 5th-7th statement fails
# with an error, comes back NULL, or finds its connection cut.
for mode in malloc:53 malloc:97 pq-error:5 pq-null:7 pq-drop:6; do
	start_stack "$tmp/fail-${mode/:/-}" bin/kenes-fcgi env LD_PRELOAD="$KENES_ROOT/build/tests/failshim.so" \
		FAILSHIM="$mode" KENES_STRUCTURE_TTL=3600
	MODE=$mode run "failures $mode" tests/faults/failures.sh
	stop_stack
done

echo
if [ ${#failures[@]} -gt 0 ]; then
	echo "FAILED: ${failures[*]}"
	KEEP=1
	exit 1
fi
echo "all tests passed"
