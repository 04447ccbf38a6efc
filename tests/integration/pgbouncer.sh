#!/usr/bin/env bash
# pgbouncer (Debian 12: 1.18, which cannot keep protocol-level prepared statements in
# transaction mode; that came in 1.21) in transaction mode between the handler and the
# throwaway cluster of tests/run-all.sh, with fewer server connections than the handler
# opens. With pool_mode = transaction the handler runs its statements unnamed and sends no
# session settings (the login carries them: ALTER ROLE ... SET). Checks that:
#   * the handler's default (named statements prepared per connection) breaks behind such a
#     pooler (a second connection finds the statements already prepared on the shared server
#     connection): the switch is needed, not decoration;
#   * with the switch, concurrent submissions and supports all succeed and are stored once,
#     support counts are exact, and the role's settings (TimeZone UTC) hold;
#   * the handler's 20 connections shared 4 server connections (pgbouncer's SHOW commands).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
root=$KENES_ROOT
run=b$RANDOM$RANDOM
C=constitution-2026
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
if [ ! -x "$PGBOUNCER" ]; then
	echo "FAIL [$SUITE] pgbouncer is not installed (deploy/deps.sh check installs it)"
	exit 1
fi

dir=$(mktemp -d /tmp/kenes-pgbouncer.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir" # pgbouncer refuses to run as root
done_() {
	stack_stop
	[ -s "$dir/pgbouncer.pid" ] && kill -TERM "$(cat "$dir/pgbouncer.pid")" 2>/dev/null
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT

# The pooled login: a member of kenes_handler, with the session settings the handler would
# otherwise SET on each connection.
sql <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kenes_pooled') THEN
        CREATE ROLE kenes_pooled LOGIN IN ROLE kenes_handler;
    END IF;
END $$;
ALTER ROLE kenes_pooled SET search_path = '';
ALTER ROLE kenes_pooled SET TimeZone = 'UTC';
ALTER ROLE kenes_pooled SET statement_timeout = '5s';
SQL

bport=$(stack_port)
cat >"$dir/pgbouncer.ini" <<INI
[databases]
kenes = host=$KENES_PG_DIR/run port=5432 dbname=kenes user=kenes_pooled
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bport
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
admin_users = postgres
pool_mode = transaction
default_pool_size = 4
max_client_conn = 200
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
printf '"kenes_pooled" ""\n"postgres" ""\n' >"$dir/users.txt"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"/pgbouncer.ini "$dir/users.txt"
kenes_as_pg "$PGBOUNCER" -d -q "$dir/pgbouncer.ini" || { cat "$dir/pgbouncer.log"; exit 1; }
pooled_url="host=127.0.0.1 port=$bport dbname=kenes user=kenes_pooled"
admin() { psql -X -tA -h 127.0.0.1 -p "$bport" -U postgres pgbouncer -c "$1"; }
for _ in $(seq 50); do admin "SHOW VERSION" >/dev/null 2>&1 && break; sleep 0.1; done
echo "     $(admin "SHOW VERSION" 2>&1 | head -1)"

# --- without the switch: named statements break behind transaction pooling ------------------
check_mode() { # MODE: kenes-fcgi --check through pgbouncer
	KENES_DATABASE_URL="$pooled_url" KENES_POOL_MODE=$1 KENES_PSEUDONYM_KEY_FILE="$KENES_PSEUDONYM_KEY_FILE" \
		"$root/bin/kenes-fcgi" --check >"$dir/check-$1.out" 2>&1
}
check_mode session # the first connection prepares on a fresh server connection
check_mode session
check "pool_mode=session behind pgbouncer: the second connection fails" eq "$?" 1
check "because the statements are already prepared on the shared server connection" \
	grep -q "already exists" "$dir/check-session.out"
check_mode transaction
check "pool_mode=transaction: --check passes" eq "$?" 0
check "pool_mode=transaction with database_role set is refused" not env KENES_POOL_MODE=transaction \
	KENES_DATABASE_ROLE=kenes_handler KENES_PSEUDONYM_KEY_FILE="$KENES_PSEUDONYM_KEY_FILE" "$root/bin/kenes-fcgi" --check 2>/dev/null
admin "RECONNECT kenes" >/dev/null 2>&1 # fresh server connections for what follows

# --- with the switch: the handler under concurrency ------------------------------------------
# 2 workers x 8 threads + 2 writers = 18 connections to pgbouncer, 4 to PostgreSQL.
stack_handler "$dir/fcgi" "$root/bin/kenes-fcgi" KENES_DATABASE_URL="$pooled_url" \
	KENES_POOL_MODE=transaction KENES_WORKERS=2 KENES_THREADS=8 || exit 1
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/fcgi/fcgi.sock"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
export BASE_URL=http://127.0.0.1:$port
kenes_wait_http "$BASE_URL/healthz" 20 || { echo "Kenes did not come up"; cat "$dir/fcgi/fcgi.log"; exit 1; }

post() { # N I: one proposal, printed as "key status id created_at"
	local key=$run-$1-$2 out
	out=$(curl -s -m 10 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' \
		-H "Idempotency-Key: $key" --data "{\"consultation\":\"$C\",\"target\":\"article:$2\",\"stance\":\"amend\",\"text\":\"$key\",\"proposed_wording\":\"w $key\",\"topics\":[\"sovereignty\"],\"lang\":\"en\"}" \
		"$BASE_URL/api/v1/proposals")
	echo "$key $(echo "$out" | tail -1) $(echo "$out" | head -1 | jq -r '"\(.id) \(.created_at)"' 2>/dev/null)"
}
client() { # N: 15 proposals
	for i in $(seq 15); do post "$1" "$i"; done >"$_tmp/client-$1"
}
pids=()
for n in $(seq 8); do client "$n" & pids+=($!); done
# While they run, pgbouncer's view: many clients, few servers.
sleep 1
admin "SHOW CLIENTS" | awk -F'|' '$2 == "kenes_pooled" && $3 == "kenes"' | wc -l >"$_tmp/clients"
wait "${pids[@]}"
cat "$_tmp"/client-* >"$_tmp/posts"
check "120 concurrent submissions through pgbouncer: all 201" eq "$(awk '$2 == 201' "$_tmp/posts" | wc -l)" 120
check "each stored once" eq "$(echo "SELECT count(*), count(DISTINCT text) FROM kenes.proposal WHERE text LIKE :'r' || '-%'" | sql -v r="$run")" "120|120"
check "times in UTC (the login's TimeZone)" eq "$(awk '$2 == 201 && $4 !~ /\+00:00$/' "$_tmp/posts" | wc -l)" 0
check "the handler held more connections than pgbouncer's pool" test "$(cat "$_tmp/clients")" -gt 4
servers=$(psql -X -tA -d "$KENES_ADMIN_URL" -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'kenes_pooled'")
echo "     handler connections to pgbouncer: $(cat "$_tmp/clients"); pgbouncer's to PostgreSQL: $servers"
check "pgbouncer used at most 4 server connections" test "$servers" -le 4

# Supports: 8 people at once on the same 5 proposals, each twice (the second is 200).
ids=$(awk '$2 == 201 { print $3 }' "$_tmp/client-1" | head -5)
supporter() { # N
	local id s1 s2
	for id in $ids; do
		s1=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
			--data "{\"iin\":\"$(iin $((6100 + $1)))\"}" "$BASE_URL/api/v1/proposals/$id/supports")
		s2=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
			--data "{\"iin\":\"$(iin $((6100 + $1)))\"}" "$BASE_URL/api/v1/proposals/$id/supports")
		echo "$s1 $s2"
	done >"$_tmp/support-$1"
}
pids=()
for n in $(seq 8); do supporter "$n" & pids+=($!); done
wait "${pids[@]}"
check "40 supports: 201, then 200 for the same person" eq "$(cat "$_tmp"/support-* | sort | uniq -c | awk '{print $1, $2, $3}')" "40 201 200"
for id in $ids; do
	http GET "/api/v1/proposals/$id"
	check "proposal $id: 8 supports" eq "$(json .supports)" 8
done
http DELETE "/api/v1/proposals/$(echo "$ids" | head -1)/supports" -H 'Content-Type: application/json' \
	--data "{\"iin\":\"$(iin 6101)\"}"
check "a support withdrawn through pgbouncer" eq "$STATUS $(json .supports)" "200 7"
check "no prepared-statement errors in the handler's log" not grep -qi "prepared statement" "$dir/fcgi/fcgi.log"
check "no 5xx" eq "$(awk '$9 ~ /^5/' "$dir/nginx/access.log" | wc -l)" 0
echo "     pgbouncer: $(admin "SHOW STATS" | awk -F'|' '$1 == "kenes" { print $2 " transactions, " $3 " queries" }')"

finish
