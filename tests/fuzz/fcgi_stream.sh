#!/usr/bin/env bash
# tests/fuzz/fcgi_stream.sh SOCKET SECONDS [LOG] - feeds malformed FastCGI record streams to
# a running kenes-fcgi on its unix socket for SECONDS (see fcgi_stream.c for what is sent),
# then checks that it still answers a valid request.
#
# With the handler's log (LOG, or $KENES_HANDLER_LOG), it also fails when the master had
# to restart more than MAX_RESTARTS workers (default 0) during the run, or when the log
# gained a sanitizer report, an assertion or a stack-smashing abort; those lines are shown.
# FCGI_STREAM_KNOWN=1 adds the inputs known to crash Debian's libfcgi (README.md); SEED
# makes the run repeatable.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: tests/fuzz/fcgi_stream.sh SOCKET SECONDS [LOG]" >&2; exit 2; }
socket=$1 seconds=$2 log=${3:-${KENES_HANDLER_LOG:-}}
max_restarts=${MAX_RESTARTS:-0}

make -s -C "$here" "$root/build/fuzz/fcgi_stream" >/dev/null || { echo "cannot build fcgi_stream"; exit 1; }
[ -S "$socket" ] || { echo "no socket at $socket"; exit 1; }
start=0
[ -n "$log" ] && [ -f "$log" ] && start=$(stat -c %s "$log")

"$root/build/fuzz/fcgi_stream" "$socket" "$seconds" ${SEED:+"$SEED"}
rc=$?

if [ -n "$log" ] && [ -f "$log" ]; then
	sleep 1 # the master logs a restart after reaping the worker
	new=$(tail -c +"$((start + 1))" "$log")
	restarts=$(grep -c 'restarting it' <<<"$new")
	echo "fcgi_stream: $restarts worker restarts during the run (at most $max_restarts allowed)"
	if [ "$restarts" -gt "$max_restarts" ]; then
		grep -B2 'restarting it' <<<"$new" | head -30
		rc=1
	fi
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error|Assertion|stack smashing' <<<"$new"; then
		echo "fcgi_stream: the handler's log has crash reports:"
		grep -E -A12 'AddressSanitizer|LeakSanitizer|runtime error|Assertion|stack smashing' <<<"$new" | head -60
		rc=1
	fi
else
	echo "fcgi_stream: no handler log given; worker restarts not checked"
fi
[ "$rc" -eq 0 ] && echo "fcgi_stream: ok" || echo "fcgi_stream: FAILED"
exit "$rc"
