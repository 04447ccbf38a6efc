#!/usr/bin/env bash
# The handler refuses a PostgreSQL that runs with fsync, full_page_writes or
# synchronous_commit off: a 201 must mean the proposal survives a crash.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
sock=$(mktemp -u /tmp/kenes-durability.XXXXXX.sock)

set_and_reload() { # SETTING VALUE|default
	if [ "$2" = default ]; then
		sql -c "ALTER SYSTEM RESET $1" >/dev/null
	else
		sql -c "ALTER SYSTEM SET $1 = $2" >/dev/null
	fi
	sql -c "SELECT pg_reload_conf()" >/dev/null
	sleep 0.3
}

out=$(KENES_DATABASE_URL=$KENES_HANDLER_URL "$root/bin/kenes-fcgi" --check 2>&1)
check "--check passes on a durable server" contains "$out" "ok:"
for setting in fsync full_page_writes synchronous_commit; do
	set_and_reload "$setting" off
	out=$(KENES_DATABASE_URL=$KENES_HANDLER_URL "$root/bin/kenes-fcgi" --check 2>&1)
	check "--check fails with $setting off" contains "$out" "$setting = off"
	out=$(KENES_DATABASE_URL=$KENES_HANDLER_URL KENES_SOCKET=$sock timeout 10 "$root/bin/kenes-fcgi" 2>&1)
	rc=$?
	check "startup refused with $setting off (exit 1)" eq "$rc" 1
	check "and it says why" contains "$out" "refusing to start"
	set_and_reload "$setting" default
done
out=$(KENES_DATABASE_URL=$KENES_HANDLER_URL "$root/bin/kenes-fcgi" --check 2>&1)
check "--check passes again" contains "$out" "ok:"
rm -f "$sock"
finish
