#!/usr/bin/env bash
# Faults under load: clients submit proposals, each with its own Idempotency-Key, retrying
# on 5xx, 409 and timeouts as a real client would; meanwhile PostgreSQL is killed with
# SIGKILL and restarted several times, a handler worker is killed, nginx is reloaded.
# Afterwards every proposal that got a 201 is in the database, none twice; while the
# database is down the handler answers 503 within 2 s; it stores again within 5 s of the
# database's return, without a restart.
#
# Needs BASE_URL, KENES_ADMIN_URL, KENES_PG_DIR, KENES_FCGI_PID, KENES_NGINX_PID.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"

CLIENTS=${CLIENTS:-6}
PER_CLIENT=${PER_CLIENT:-40}
run=f$RANDOM$RANDOM
mkdir -p "$_tmp/acks"

# One client: PER_CLIENT proposals in a row, each retried until 201 (at most ~30 s).
client() { # N
	local n=$1 i key body code
	for i in $(seq "$PER_CLIENT"); do
		key=$run-$n-$i
		body="{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"fault $key\"}"
		for _ in $(seq 300); do
			code=$(curl -s -m 3 -o "$_tmp/acks/$key.body" -w '%{http_code}' -X POST \
				-H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
				--data "$body" "$BASE_URL/api/v1/proposals")
			[ "$code" = 201 ] && break
			sleep 0.1
		done
		[ "$code" = 201 ] && echo "$key $(jq -r .id "$_tmp/acks/$key.body")" >>"$_tmp/acks/client-$n"
	done
}
export -f client
export BASE_URL PER_CLIENT run _tmp

pg_kill() {
	local pid
	pid=$(head -n 1 "$KENES_PG_DIR/data/postmaster.pid")
	kill -9 "$pid"
	# Its backends notice their postmaster is gone and exit (and with them the socket's users).
	for _ in $(seq 50); do [ -e "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat")" != Z ] || break; sleep 0.1; done
}
# Starts the killed cluster (crash recovery), retrying while its old backends still hold
# the shared memory, and waits until it accepts connections.
pg_restart() {
	for _ in $(seq 50); do
		kenes_as_pg "$KENES_PG_BIN/pg_ctl" -D "$KENES_PG_DIR/data" -l "$KENES_PG_DIR/postgres.log" \
			-w -t 30 start >/dev/null 2>&1 && break
		sleep 0.2
	done
	for _ in $(seq 100); do
		psql -X -tA -d "$KENES_ADMIN_URL" -c 'SELECT 1' >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	return 1
}

for n in $(seq "$CLIENTS"); do client "$n" & done
sleep 2

for round in 1 2 3; do
	pg_kill
	# curl's own time of the request: on a loaded machine starting curl can take a second.
	read -r code secs < <(curl -s -m 5 -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE_URL/healthz")
	ms=$(awk -v s="${secs:-9}" 'BEGIN { printf "%d", s * 1000 }')
	check "round $round: 503 while the database is down" eq "$code" 503
	check "round $round: answered within 2 s (${ms} ms)" test "$ms" -lt 2000
	sleep 1
	check "round $round: PostgreSQL restarts (crash recovery)" pg_restart
	# Judged by when each probe was sent, as in e2e/cache.sh: the last one refused must have
	# been sent within 5 s of the database's return (a loaded machine spaces the probes out,
	# which delays the first 201 but no refusal).
	up=${EPOCHREALTIME//[!0-9]/}
	stored="" ms=0
	for _ in $(seq 100); do
		sent=$(((${EPOCHREALTIME//[!0-9]/} - up) / 1000))
		code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
			--data '{"target":"general","stance":"support","lang":"en","text":"probe"}' "$BASE_URL/api/v1/proposals")
		[ "$code" = 201 ] && { stored=1; break; }
		ms=$sent
		sleep 0.05
	done
	check "round $round: stores again within 5 s (last refusal sent after ${ms} ms)" test -n "$stored" -a "$ms" -lt 5000
	sleep 1.5
done

worker=$(pgrep -P "$KENES_FCGI_PID" | head -n 1)
kill -9 "$worker"
sleep 1
check "the killed worker was replaced" test "$(pgrep -P "$KENES_FCGI_PID" | wc -l)" -ge 1
kill -HUP "$KENES_NGINX_PID"
sleep 1

wait
cat "$_tmp"/acks/client-* 2>/dev/null | sort >"$_tmp/acked"
acked=$(wc -l <"$_tmp/acked")
echo "faults: $acked proposals acknowledged with 201"
check "most proposals got through" test "$acked" -ge $((CLIENTS * PER_CLIENT * 9 / 10))
echo "SELECT substr(text, 7) || ' ' || id FROM kenes.proposal WHERE text LIKE :'p' ORDER BY 1" |
	sql -v p="fault $run-%" | sort >"$_tmp/stored"
check "every acknowledged proposal is stored, under the id it was given" \
	eq "$(comm -23 "$_tmp/acked" "$_tmp/stored" | wc -l)" 0
check "none is stored twice" \
	eq "$(cut -d' ' -f1 "$_tmp/stored" | sort | uniq -d | wc -l)" 0
check "nothing stored that was not asked for" \
	test "$(wc -l <"$_tmp/stored")" -le $((CLIENTS * PER_CLIENT))
finish
