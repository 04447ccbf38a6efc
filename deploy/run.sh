#!/usr/bin/env bash
# deploy/run.sh - what `make run` does after installing packages and building:
# a local PostgreSQL cluster under var/ (or DATABASE_URL), migrations, the example
# consultation, kenes-fcgi and nginx on http://127.0.0.1:${PORT:-8080}/, in the foreground.
# Ctrl-C or SIGTERM stops everything it started. Data under var/ is kept between runs.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

port=${PORT:-8080}
var=$KENES_ROOT/var
mkdir -p "$var/run" "$var/nginx" "$var/log"
pids=()
started_pg=""
status=0

stop() {
	trap - INT TERM EXIT
	echo
	echo "stopping..."
	for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	[ -n "$started_pg" ] && kenes_pg_stop "$pg"
	echo "stopped."
	exit "$status"
}
trap stop INT TERM EXIT

if ! kenes_port_free "$port"; then
	echo "error: port $port on 127.0.0.1 is in use; set PORT to another one." >&2
	trap - EXIT
	exit 1
fi

if [ -n "${DATABASE_URL:-}" ]; then
	echo "using DATABASE_URL"
	"$KENES_ROOT/sql/migrate" "$DATABASE_URL" --load "$KENES_ROOT/sql/data/constitution-2026.json"
	handler_url=$DATABASE_URL
	# Act as the restricted role when it exists and this login may take it.
	role=$(psql -X -tA -d "$DATABASE_URL" -c "SELECT 'kenes_handler' WHERE pg_has_role('kenes_handler', 'MEMBER')" 2>/dev/null || true)
else
	kenes_as_pg true 2>/dev/null || true
	pg=$(kenes_pg_place "$var/pg")
	kenes_pg_running "$pg" 2>/dev/null || started_pg=1
	kenes_pg_init "$pg"
	kenes_pg_start "$pg"
	if [ "$pg" = "$var/pg" ]; then
		echo "PostgreSQL: var/pg (socket var/pg/run)"
	else
		echo "PostgreSQL: $pg, linked from var/pg (the postgres user cannot enter $KENES_ROOT)"
	fi
	kenes_pg_prepare "$pg"
	handler_url=$(kenes_pg_url "$pg" kenes_handler)
	role=""
fi

socket=$var/run/fcgi.sock
# The key that turns identities into pseudonyms. Losing it means the same person gets a new
# pseudonym; keep var/pseudonym.key with the database's backups.
kenes_key "$var/pseudonym.key"
KENES_PSEUDONYM_KEY_FILE=$var/pseudonym.key KENES_SOCKET=$socket KENES_DATABASE_URL=$handler_url KENES_DATABASE_ROLE=$role \
	KENES_WORKERS=${KENES_WORKERS:-4} "$KENES_ROOT/bin/kenes-fcgi" 2>>"$var/log/kenes-fcgi.log" &
pids+=($!)
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done

kenes_nginx_conf "$var/nginx" "$port" "$socket"
kenes_nginx_start "$var/nginx" &
pids+=($!)

if ! kenes_wait_http "http://127.0.0.1:$port/healthz" 15; then
	echo "error: Kenes did not come up; see $var/log/kenes-fcgi.log and $var/nginx/error.log" >&2
	exit 1
fi
# A staff sign-in token for this instance, printed once (only its hash is stored): paste it at
# /staff/sign-in. Each run makes a new one; `kenes-aggregator token list` and `token revoke`
# manage them (docs/STAFF.md).
admin_url=${DATABASE_URL:-$(kenes_pg_url "$pg" postgres)}
staff_token=$(KENES_DATABASE_ROLE=kenes_aggregator "$KENES_ROOT/bin/kenes-aggregator" -q -d "$admin_url" \
	token create --role staff --name "make run $(date -u +%Y-%m-%dT%H:%M:%SZ)" 2>/dev/null ||
	KENES_DATABASE_ROLE= "$KENES_ROOT/bin/kenes-aggregator" -q -d "$admin_url" \
		token create --role staff --name "make run $(date -u +%Y-%m-%dT%H:%M:%SZ)" 2>/dev/null || true)
cat <<MSG

  Kenes is running: http://127.0.0.1:$port/
  API:              http://127.0.0.1:$port/api/v1/consultations/constitution-2026
  Staff workspace:  http://127.0.0.1:$port/staff/sign-in
  Staff token:      ${staff_token:-(could not be made; see docs/STAFF.md)} (shown once)
  Logs:             var/log/kenes-fcgi.log, var/nginx/access.log, var/nginx/error.log

  Press Ctrl-C to stop.
MSG
# Stay in the foreground until a child exits or a signal arrives.
rc=0
wait -n "${pids[@]}" || rc=$?
# Ctrl-C reaches the whole process group, so the children may stop (with 0, or by the
# signal) before the trap runs: that is a requested stop. Anything else is a failure.
if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ]; then
	echo "a component exited with status $rc; see the logs in var/" >&2
	status=1
fi
exit "$status"
