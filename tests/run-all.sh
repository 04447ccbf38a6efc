#!/usr/bin/env bash
# tests/run-all.sh - everything `make check` runs:
#   1. cmocka unit tests, plain and under ASan + UBSan
#   2. a throwaway PostgreSQL cluster in a temp dir: migrations from empty, schema tests
#   3. the handler built with ASan + UBSan behind a real nginx on a free loopback port:
#      curl suites (tests/e2e/*.sh), the headless Chromium test (tests/browser/), and last
#      the database outage test
#   4. the handler's log must hold no sanitizer report
# Set KEEP=1 to keep the temp dir (logs) afterwards.
set -uo pipefail
. "$(dirname "$0")/../deploy/lib.sh"
cd "$KENES_ROOT"

failures=()
step() { echo; echo "=== $*"; }
run() { # NAME COMMAND...
	local name=$1
	shift
	if "$@"; then echo "--- ok: $name"; else echo "--- FAILED: $name"; failures+=("$name"); fi
}

step "build (warnings are errors), plain and with sanitizers"
make -s all && make -s SANITIZE=1 all || { echo "build failed"; exit 1; }

step "unit tests"
run "unit" make -s unit
run "unit (ASan+UBSan)" make -s SANITIZE=1 unit

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
run "schema" tests/integration/schema.sh

step "handler (ASan+UBSan) and nginx"
port=0
for _ in $(seq 50); do
	p=$((20000 + RANDOM % 20000))
	kenes_port_free "$p" && { port=$p; break; }
done
export BASE_URL=http://127.0.0.1:$port
ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
KENES_SOCKET=$tmp/fcgi.sock KENES_DATABASE_URL=$KENES_HANDLER_URL KENES_WORKERS=3 \
KENES_STRUCTURE_TTL=1 KENES_LOG_LEVEL=debug bin/asan/kenes-fcgi 2>"$tmp/fcgi.log" &
fcgi_pid=$!
for _ in $(seq 50); do [ -S "$tmp/fcgi.sock" ] && break; sleep 0.1; done
kenes_nginx_conf "$tmp/nginx" "$port" "$tmp/fcgi.sock"
kenes_nginx_start "$tmp/nginx" &
nginx_pid=$!
kenes_wait_http "$BASE_URL/healthz" 15 || { echo "Kenes did not come up"; cat "$tmp/fcgi.log" "$tmp/nginx/error.log"; exit 1; }
echo "serving $BASE_URL"

step "end to end"
run "e2e api" tests/e2e/api.sh
run "e2e form" tests/e2e/form.sh
if [ -x tests/browser/run.sh ]; then
	run "browser (headless Chromium)" tests/browser/run.sh
fi
run "e2e database outage" tests/e2e/outage.sh

step "graceful stop and sanitizer reports"
kill -TERM "$fcgi_pid"
wait "$fcgi_pid"
rc=$?
fcgi_pid=""
run "handler exits 0 on SIGTERM" test "$rc" -eq 0
run "no sanitizer reports in the handler log" \
	bash -c "! grep -E 'AddressSanitizer|LeakSanitizer|runtime error' '$tmp/fcgi.log'"
grep -E -A20 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/fcgi.log" | head -60

echo
if [ ${#failures[@]} -gt 0 ]; then
	echo "FAILED: ${failures[*]}"
	KEEP=1
	exit 1
fi
echo "all tests passed"
