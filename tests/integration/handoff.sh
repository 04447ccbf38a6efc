#!/usr/bin/env bash
# The hand-off of fcgi/batch.h: a request thread that has validated a proposal leaves it to
# the writer and accepts the next request, so a worker holds more requests than it has
# request threads. One worker with 2 request threads and 1 writer, behind nginx; while
# another session holds kenes.proposal locked (the database stalls the writer's batch),
# 12 proposals are sent at once. All 12 must be accepted and queued (the queue gauge of
# /metrics, itself answered by a request thread meanwhile), and once the lock goes, each
# answered 201 with its own stored row, 11 of them in one batch. Waiting request threads
# (no hand-off) would hold 2 at most, and /metrics would not answer.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
run=h$RANDOM$RANDOM
n=12

dir=$(mktemp -d /tmp/kenes-handoff.XXXXXX)
chmod 755 "$dir"
done_() {
	exec 3>&- 2>/dev/null
	stack_stop
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT

# The batch waits on the lock for as long as the test holds it: no statement timeout.
stack_handler "$dir/h" "$KENES_ROOT/bin/kenes-fcgi" KENES_DATABASE_URL="$KENES_HANDLER_URL" \
	KENES_THREADS=2 KENES_WRITERS=1 KENES_STATEMENT_TIMEOUT=0 KENES_PROPOSALS_PER_HOUR=0 || exit 1
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=1000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/h/fcgi.sock"
# nginx waits 15 s for an answer; a loaded machine may need longer to send all 12.
sed 's/fastcgi_read_timeout 15s/fastcgi_read_timeout 60s/' "$KENES_ROOT/deploy/nginx/kenes-server.conf" \
	>"$dir/kenes-server.conf"
sed -i "s|include $KENES_ROOT/deploy/nginx/kenes-server.conf|include $dir/kenes-server.conf|" "$dir/nginx/nginx.conf"
grep -q "include $dir/kenes-server.conf" "$dir/nginx/nginx.conf" || { echo "cannot raise fastcgi_read_timeout"; exit 1; }
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
base=http://127.0.0.1:$port
kenes_wait_http "$base/healthz" 20 || { echo "nginx did not come up"; cat "$dir/nginx/error.log"; exit 1; }
post() {
	curl -s -o /dev/null -m 60 -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' \
		--data "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"$run $1\"}" \
		"$base/api/v1/proposals"
}
check "a proposal before the stall: 201" eq "$(post warm-up)" 201
queued() { curl -s -m 2 "$base/metrics" | awk '$1 == "kenes_commit_queue_depth" { print $2 }'; }
check "the metrics show the proposals' queue" eq "$(queued)" 0

# The stall: a session holds the table in SHARE mode, which every INSERT waits for.
mkfifo "$dir/hold"
psql -X -q -d "$KENES_ADMIN_URL" <"$dir/hold" >/dev/null &
holder=$!
exec 3>"$dir/hold"
echo "BEGIN; LOCK TABLE kenes.proposal IN SHARE MODE;" >&3
for _ in $(seq 100); do
	[ "$(sql -c "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
		WHERE c.relname = 'proposal' AND l.mode = 'ShareLock' AND l.granted")" -gt 0 ] && break
	sleep 0.1
done
# The first proposal's batch waits for the lock; then the other 11 come.
post 1 >"$_tmp/code.1" &
posts=($!)
for _ in $(seq 100); do
	[ "$(sql -c "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
		AND application_name LIKE 'kenes-fcgi%'")" -gt 0 ] && break
	sleep 0.2
done
for i in $(seq 2 $n); do
	post "$i" >"$_tmp/code.$i" &
	posts+=($!)
done
# All 11 queued behind the stalled batch.
q=""
for _ in $(seq 100); do
	q=$(queued)
	[ "${q:-0}" -ge $((n - 1)) ] && break
	sleep 0.2
done
check "$n requests held by 2 request threads: $((n - 1)) queued behind the stalled batch" eq "$q" $((n - 1))
echo "COMMIT;" >&3
exec 3>&-
wait "$holder" "${posts[@]}"
codes=$(cat "$_tmp"/code.* | sort | uniq -c | awk '{ print $2 "x" $1 }' | tr '\n' ' ')
check "after the stall, each answered 201" eq "$codes" "201x$n "
stored=$(echo "SELECT count(*) FROM kenes.proposal WHERE text LIKE :'p' AND text <> :'w'" |
	sql -v p="$run %" -v w="$run warm-up")
check "each a stored row" eq "$stored" $n
big=$(curl -s -m 2 "$base/metrics" | awk '$1 == "kenes_commit_batch_size_bucket{le=\"10\"}" { print $2 }')
all=$(curl -s -m 2 "$base/metrics" | awk '$1 == "kenes_commit_batch_size_count" { print $2 }')
check "one batch held the $((n - 1)) queued" eq "$((all - big))" 1
finish
