#!/usr/bin/env bash
# The restore drill: a lost disk under load, and a restore from pgBackRest with WAL replay.
#
# In a temp dir of its own: a PostgreSQL cluster archiving its WAL to a pgBackRest repository
# (tests/lib/recovery.sh), a synchronous WAL receiver (pg_receivewal, "another machine"), the
# handler and nginx. A full backup is taken of a generated data set; then clients submit
# proposals and supports, recording every 201, while PostgreSQL and all its backends are
# killed with SIGKILL and its data directory deleted. Checks that:
#   * from the archive alone (a scratch restore), what was lost is at most the WAL segment
#     being written: the recovery point of archive_command is archive_timeout;
#   * with the receiver's last partial segment added, every acknowledged proposal is there,
#     once, under the id it was given, and every acknowledged support;
#   * Kenes runs on the restored cluster without being restarted: reads, new 201s;
#   * a refresh brings the tallies to the independent recount (tests/aggregator/recount.sql);
#   * archiving goes on from the restored cluster (pgbackrest check).
# Prints the recovery time and the data volume (docs/OPERATIONS.md quotes them).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
. "$(dirname "$0")/../lib/iin.sh"
. "$(dirname "$0")/../lib/recovery.sh"
root=$KENES_ROOT
PROPOSALS=${PROPOSALS:-5000}
LOAD_SECONDS=${LOAD_SECONDS:-8}

dir=$(mktemp -d /tmp/kenes-restore.XXXXXX)
chmod 755 "$dir"
pg=$dir/pg
br=$dir/backrest
done_() {
	recovery_load_stop
	stack_stop
	[ -n "${RECOVERY_WALSAFE_PID:-}" ] && kill "$RECOVERY_WALSAFE_PID" 2>/dev/null
	kenes_pg_stop "$dir/scratch" 2>/dev/null
	kenes_pg_stop "$pg" 2>/dev/null
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

kenes_pg_init "$pg" || exit 1
recovery_backrest_init "$br" "$pg"
kenes_pg_start "$pg" && kenes_pg_prepare "$pg" >"$dir/prepare.log" 2>&1 || { cat "$dir/prepare.log"; exit 1; }
admin=$(kenes_pg_url "$pg" postgres)
on_pg() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$admin" "$@"; }
agg() { "$root/bin/kenes-aggregator" -q -d "$admin" "$@"; }

on_pg -v proposals="$PROPOSALS" -v supports=$((PROPOSALS * 2)) -v first=1 -f "$root/tests/aggregator/generate.sql"
agg refresh 2>"$dir/refresh.log"
check "the generated data set is refreshed" test $? -eq 0
check "stanza-create" backrest "$br" stanza-create
check "pgbackrest check: archiving works" backrest "$br" check
t=$(date +%s%N)
backrest "$br" --type=full backup
check "a full backup" test $? -eq 0
backup_ms=$(ms_since "$t")
# The backup's metrics for the alerts (deploy/pgbackrest-metrics, node_exporter's textfiles).
# A copy the postgres user can run whatever the checkout's permissions.
mkdir -p "$dir/textfile" && cp "$root/deploy/pgbackrest-metrics" "$dir/" && chown postgres: "$dir/textfile"
metrics_env=(env KENES_PGBACKREST_CONFIG="$br/pgbackrest.conf" KENES_TEXTFILE_DIR="$dir/textfile")
kenes_as_pg "${metrics_env[@]}" "$dir/pgbackrest-metrics"
check "pgbackrest-metrics: valid Prometheus text" promtool check metrics <"$dir/textfile/kenes_backup.prom"
stop=$(awk '/^kenes_backup_last_completion_timestamp_seconds.*type="full"/ { print $2 }' "$dir/textfile/kenes_backup.prom")
check "pgbackrest-metrics: the full backup finished just now" test $(($(date +%s) - ${stop:-0})) -lt 120
kenes_as_pg "${metrics_env[@]}" "$dir/pgbackrest-metrics" verify
check "pgbackrest-metrics verify: pgbackrest verify passes" test $? -eq 0
check "pgbackrest-metrics verify: kenes_backup_verify_ok 1" grep -q '^kenes_backup_verify_ok{stanza="kenes"} 1$' "$dir/textfile/kenes_backup_verify.prom"

recovery_walsafe_start "$dir/walsafe" "$pg" || exit 1
[ -s "${KENES_PSEUDONYM_KEY_FILE:-}" ] || { kenes_key "$dir/pseudonym.key"; export KENES_PSEUDONYM_KEY_FILE=$dir/pseudonym.key; }
stack_handler "$dir/fcgi" "$root/bin/kenes-fcgi" KENES_DATABASE_URL="$(kenes_pg_url "$pg" kenes_handler)" || exit 1
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/fcgi/fcgi.sock"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
export BASE_URL=http://127.0.0.1:$port
kenes_wait_http "$BASE_URL/healthz" 20 || { echo "Kenes did not come up"; cat "$dir/fcgi/fcgi.log"; exit 1; }

# --- load, then the disk is lost ------------------------------------------------------------
recovery_load "$dir" $((LOAD_SECONDS + 30)) 4
sleep $((LOAD_SECONDS / 2))
curl -s "$BASE_URL/metrics" >"$dir/metrics.txt"
check "the handler's /metrics pass promtool's lint" promtool check metrics <"$dir/metrics.txt"
check "commit durations are measured under load" \
	test "$(awk '$1 == "kenes_commit_duration_seconds_count" { print $2 }' "$dir/metrics.txt")" -gt 0
# Halfway, the WAL segment is switched and archived, as archive_timeout does: what was
# acknowledged before that must be in the archive alone.
recovery_acked_proposals "$dir" >"$dir/acked-before-switch"
check "halfway: the WAL segment is switched and archived" recovery_wait_archived "$pg" 20
sleep $((LOAD_SECONDS - LOAD_SECONDS / 2))
recovery_pg_kill "$pg"
kill "$RECOVERY_WALSAFE_PID" 2>/dev/null
wait "$RECOVERY_WALSAFE_PID" 2>/dev/null
RECOVERY_WALSAFE_PID=""
rm -rf "$pg/data"
sleep 1
recovery_load_stop
recovery_acked_proposals "$dir" >"$dir/acked-proposals"
recovery_acked_supports "$dir" >"$dir/acked-supports"
acked=$(wc -l <"$dir/acked-proposals")
acked_supports=$(awk '{ n += $2 } END { print n + 0 }' "$dir/acked-supports")
check "the clients were told 201 often before the loss ($acked proposals, $acked_supports supports)" \
	test "$acked" -ge 10 -a "$acked_supports" -ge 5
http GET /healthz
check "with the database gone, the handler answers 503" eq "$STATUS" 503

stored_keys() { # URL: "key id" of the drill's proposals stored there, sorted
	psql -X -q -tA -F ' ' -d "$1" -c "SELECT substr(text, 7), id FROM kenes.proposal WHERE text LIKE 'drill $RECOVERY_RUN-%'" | sort
}

# --- the archive alone, restored in a scratch directory -------------------------------------
mkdir -p "$dir/scratch/run"
chown postgres: "$dir/scratch" "$dir/scratch/run"
backrest "$br" restore --pg1-path="$dir/scratch/data" --archive-mode=off >"$dir/scratch.log" 2>&1
check "restore from the archive alone" test $? -eq 0
echo "unix_socket_directories = '$dir/scratch/run'" | kenes_as_pg tee -a "$dir/scratch/data/postgresql.conf" >/dev/null
echo "synchronous_standby_names = ''" | kenes_as_pg tee -a "$dir/scratch/data/postgresql.auto.conf" >/dev/null
kenes_pg_start "$dir/scratch"
for _ in $(seq 300); do [ "$(psql -X -tA -d "$(kenes_pg_url "$dir/scratch" postgres)" -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break; sleep 0.1; done
stored_keys "$(kenes_pg_url "$dir/scratch" postgres)" >"$dir/scratch-stored"
archive_only=$(comm -12 "$dir/acked-proposals" "$dir/scratch-stored" | wc -l)
check "the archive alone has every proposal acknowledged before the last archived segment" \
	eq "$(comm -23 "$dir/acked-before-switch" "$dir/scratch-stored" | head -3)" ""
check "the archive alone has the generated data set" \
	test "$(psql -X -tA -d "$(kenes_pg_url "$dir/scratch" postgres)" -c 'SELECT count(*) FROM kenes.proposal')" -ge "$PROPOSALS"
echo "restore: the archive alone holds $archive_only of $acked acknowledged proposals ($(wc -l <"$dir/acked-before-switch") before the switch); archive_timeout bounds the rest"
kenes_pg_stop "$dir/scratch"

# --- the restore: the latest backup, the archive, and the receiver's partial segment --------
t=$(date +%s%N)
restore_start=$t
backrest "$br" restore >"$dir/restore.log" 2>&1
check "pgbackrest restore of the latest backup" test $? -eq 0
restore_ms=$(ms_since "$t")
recovery_walsafe_copy "$dir/walsafe" "$pg"
# The restored settings still wait for the receiver: start it again before writes come back
# (docs/OPERATIONS.md, "Restore").
kenes_pg_start "$pg"
check "PostgreSQL starts on the restored data directory" test $? -eq 0
for _ in $(seq 600); do [ "$(on_pg -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break; sleep 0.1; done
check "recovery finished: the cluster is a primary again" eq "$(on_pg -c 'SELECT pg_is_in_recovery()')" f
recovery_walsafe_start "$dir/walsafe2" "$pg" || exit 1
up=""
for _ in $(seq 100); do
	http POST /api/v1/proposals -H 'Content-Type: application/json' \
		--data '{"target":"general","stance":"support","lang":"en","text":"after the restore"}'
	[ "$STATUS" = 201 ] && { up=1; break; }
	sleep 0.1
done
recovery_ms=$(ms_since "$restore_start")
check "the running handler stores again on the restored cluster" test -n "$up"

stored_keys "$admin" >"$dir/stored"
check "every acknowledged proposal is there, under the id it was given" \
	eq "$(comm -23 "$dir/acked-proposals" "$dir/stored" | head -5)" ""
check "none is stored twice" eq "$(cut -d' ' -f1 "$dir/stored" | uniq -d | head -3)" ""
on_pg -F ' ' -c "SELECT proposal_id, count(*) FROM kenes.support WHERE proposal_id IN (
	SELECT id FROM kenes.proposal WHERE text LIKE 'drill $RECOVERY_RUN-%') GROUP BY 1" | sort >"$dir/stored-supports"
short=$(join -a 1 -e 0 -o 0,1.2,2.2 "$dir/acked-supports" "$dir/stored-supports" | awk '$3 < $2' | head -5)
check "every acknowledged support is there" eq "$short" ""
check "support counts agree with the support rows" eq "$(on_pg -c "SELECT count(*) FROM kenes.proposal p
	WHERE p.support_count <> (SELECT count(*) FROM kenes.support s WHERE s.proposal_id = p.id)")" 0
last=$(tail -n 1 "$dir/acked-proposals" | cut -d' ' -f2)
http GET "/api/v1/proposals/$last"
check "the handler serves a proposal acknowledged just before the loss" eq "$STATUS" 200

agg refresh 2>>"$dir/refresh.log"
check "the aggregator refreshes on the restored cluster" test $? -eq 0
recount=$(psql -X -q -tA -d "$admin" -f "$root/tests/aggregator/recount.sql" 2>&1)
check "the tallies equal the independent recount" eq "$(echo "$recount" | grep -c 'differ=0')" 3
check "archiving goes on from the restored cluster (new timeline)" backrest "$br" check

db_mb=$(on_pg -c "SELECT round(pg_database_size('kenes') / 1048576.0, 1)")
repo_mb=$(du -sm "$br/repo" | cut -f1)
wal=$(find "$br/repo/archive" -name '0*' | wc -l)
echo "restore: database ${db_mb} MB, repository ${repo_mb} MB ($wal WAL files); full backup $((backup_ms / 1000)).$((backup_ms % 1000 / 100)) s;" \
	"pgbackrest restore $((restore_ms / 1000)).$((restore_ms % 1000 / 100)) s; from the restore's start to the next 201" \
	"$((recovery_ms / 1000)).$((recovery_ms % 1000 / 100)) s; $acked proposals and $acked_supports supports acknowledged under load"
finish
