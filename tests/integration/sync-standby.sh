#!/usr/bin/env bash
# Recovery point zero: a synchronous standby, and a failover under load.
#
# In a temp dir of its own: a primary with synchronous_standby_names = '*' and
# synchronous_commit = on (the default), a streaming standby (deploy/lib.sh kenes_pg_standby),
# and the handler behind nginx connected with a libpq multi-host URL, primary first, with
# target_session_attrs=read-write. Checks that:
#   * with the standby down, a submission waits (no answer, no 201) instead of being stored
#     on one machine only; when the standby is back the waiting request gets its 201;
#   * an operator may stop waiting (synchronous_standby_names = '', a reload): the waiting
#     request is answered at once, stored on the primary alone;
#   * under load, the primary and its backends are killed with SIGKILL; the standby is
#     promoted (pg_ctl promote); the running handler finds the new primary by itself (the
#     multi-host URL) and stores again; every proposal and support that got a 201 is there.
# Prints the time from the kill to the next 201.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
. "$(dirname "$0")/../lib/iin.sh"
. "$(dirname "$0")/../lib/recovery.sh"
root=$KENES_ROOT
LOAD_SECONDS=${LOAD_SECONDS:-6}

dir=$(mktemp -d /tmp/kenes-sync.XXXXXX)
chmod 755 "$dir"
done_() {
	recovery_load_stop
	stack_stop
	kenes_pg_stop "$dir/standby" 2>/dev/null
	kenes_pg_stop "$dir/primary" 2>/dev/null
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

kenes_pg_init "$dir/primary" && kenes_pg_start "$dir/primary" &&
	kenes_pg_prepare "$dir/primary" >"$dir/prepare.log" 2>&1 || { cat "$dir/prepare.log"; exit 1; }
kenes_pg_standby "$dir/standby" "$dir/primary" || exit 1
primary=$(kenes_pg_url "$dir/primary" postgres)
standby=$(kenes_pg_url "$dir/standby" postgres)
on_primary() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$primary" "$@"; }
on_standby() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$standby" "$@"; }
# Synchronous once the standby streams (before, every commit would wait for it). In the
# configuration file, as deploy/postgresql.conf.example has it; ALTER SYSTEM below overrides.
echo "synchronous_standby_names = '*'" | kenes_as_pg tee -a "$dir/primary/data/postgresql.conf" >/dev/null
on_primary -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
check "the standby is synchronous" \
	eq "$(on_primary -c "SELECT sync_state FROM pg_stat_replication")" sync

[ -s "${KENES_PSEUDONYM_KEY_FILE:-}" ] || { kenes_key "$dir/pseudonym.key"; export KENES_PSEUDONYM_KEY_FILE=$dir/pseudonym.key; }
# Both servers in one URL: libpq tries them in order and keeps the one that takes writes.
url="host=$dir/primary/run,$dir/standby/run port=5432,5432 user=kenes_handler dbname=kenes target_session_attrs=read-write"
stack_handler "$dir/fcgi" "$root/bin/kenes-fcgi" KENES_DATABASE_URL="$url" KENES_WORKERS=2 || exit 1
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/fcgi/fcgi.sock"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
export BASE_URL=http://127.0.0.1:$port
kenes_wait_http "$BASE_URL/healthz" 20 || { echo "Kenes did not come up"; cat "$dir/fcgi/fcgi.log"; exit 1; }

post_async() { # NAME: a submission in the background (ASYNC_PID); its status lands in $dir/NAME.status
	curl -s -m 30 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
		--data "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"sync $1\"}" \
		"$BASE_URL/api/v1/proposals" >"$dir/$1.status" &
	ASYNC_PID=$!
}
stored() { on_primary -c "SELECT count(*) FROM kenes.proposal WHERE text = 'sync $1'"; }

# --- the standby down: writes wait ---------------------------------------------------------
kenes_pg_stop "$dir/standby"
t=$(date +%s%N)
post_async waits
pid=$ASYNC_PID
sleep 3
check "standby down: the submission waits (no answer after 3 s)" test -d "/proc/$pid" -a ! -s "$dir/waits.status"
check "standby down: committed on the primary, not yet visible (waiting for the standby)" eq "$(stored waits)" 0
http GET /healthz
check "standby down: reads still answer" eq "$STATUS" 200
kenes_pg_start "$dir/standby"
wait "$pid"
check "standby back: the waiting submission gets its 201" eq "$(cat "$dir/waits.status")" 201
echo "sync-standby: a submission waited $(($(ms_since "$t") / 1000)) s for the standby to come back"
check "and it is on the standby too" eq "$(on_standby -c "SELECT count(*) FROM kenes.proposal WHERE text = 'sync waits'")" 1

kenes_pg_stop "$dir/standby"
post_async degraded
pid=$ASYNC_PID
sleep 2
check "standby down again: the submission waits" test ! -s "$dir/degraded.status"
on_primary -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" >/dev/null
wait "$pid"
check "the operator stops waiting: answered 201 at once (on one machine)" eq "$(cat "$dir/degraded.status")" 201
on_primary -c "ALTER SYSTEM RESET synchronous_standby_names" -c "SELECT pg_reload_conf()" >/dev/null
kenes_pg_start "$dir/standby"
for _ in $(seq 100); do [ "$(on_primary -c "SELECT sync_state FROM pg_stat_replication")" = sync ] && break; sleep 0.1; done
check "synchronous again" eq "$(on_primary -c "SELECT sync_state FROM pg_stat_replication")" sync

# --- failover under load ---------------------------------------------------------------------
recovery_load "$dir" $((LOAD_SECONDS + 40)) 4
sleep "$LOAD_SECONDS"
recovery_pg_kill "$dir/primary"
killed=$(date +%s%N)
kenes_as_pg "$KENES_PG_BIN/pg_ctl" -D "$dir/standby/data" -w -t 30 promote >/dev/null
check "the standby is promoted" eq "$(on_standby -c 'SELECT pg_is_in_recovery()')" f
ok=""
for _ in $(seq 200); do
	http POST /api/v1/proposals -H 'Content-Type: application/json' \
		--data '{"target":"general","stance":"support","lang":"en","text":"after the failover"}'
	[ "$STATUS" = 201 ] && { ok=1; break; }
	sleep 0.1
done
failover_ms=$(ms_since "$killed")
check "the running handler stores on the new primary" test -n "$ok"
sleep 2
recovery_load_stop
recovery_acked_proposals "$dir" >"$dir/acked-proposals"
recovery_acked_supports "$dir" >"$dir/acked-supports"
acked=$(wc -l <"$dir/acked-proposals")
acked_supports=$(awk '{ n += $2 } END { print n + 0 }' "$dir/acked-supports")
check "201s before and after the failover ($acked proposals, $acked_supports supports)" test "$acked" -ge 10
on_standby -F ' ' -c "SELECT substr(text, 7), id FROM kenes.proposal WHERE text LIKE 'drill $RECOVERY_RUN-%'" |
	sort >"$dir/stored"
check "every acknowledged proposal is on the new primary, under its id" \
	eq "$(comm -23 "$dir/acked-proposals" "$dir/stored" | head -5)" ""
check "none twice" eq "$(cut -d' ' -f1 "$dir/stored" | uniq -d | head -3)" ""
on_standby -F ' ' -c "SELECT proposal_id, count(*) FROM kenes.support WHERE proposal_id IN (
	SELECT id FROM kenes.proposal WHERE text LIKE 'drill $RECOVERY_RUN-%') GROUP BY 1" | sort >"$dir/stored-supports"
check "every acknowledged support is on the new primary" \
	eq "$(join -a 1 -e 0 -o 0,1.2,2.2 "$dir/acked-supports" "$dir/stored-supports" | awk '$3 < $2' | head -5)" ""
check "the handler's connection is on the new primary" \
	test "$(on_standby -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'kenes_handler'")" -ge 1
echo "sync-standby: failover from the SIGKILL to the next 201 on the promoted standby $((failover_ms / 1000)).$((failover_ms % 1000 / 100)) s"
finish
