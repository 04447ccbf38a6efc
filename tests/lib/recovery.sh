# tests/lib/recovery.sh - pgBackRest, WAL archiving and load for the recovery drills
# (tests/integration/restore.sh, pitr.sh, sync-standby.sh). Source it after deploy/lib.sh and
# tests/lib/assert.sh. Everything lives in the drill's own directory: the repository, the
# configuration, the logs and the locks, so that drills run beside other suites.
#
#   recovery_backrest_init DIR PG     a stanza "kenes" for the cluster in PG (deploy/lib.sh
#                                     layout), repository DIR/repo, configuration
#                                     DIR/pgbackrest.conf; turns archiving on in PG's
#                                     postgresql.conf (call before starting it)
#   backrest DIR COMMAND [OPTIONS]    pgbackrest as the postgres user with that configuration
#   recovery_pg_kill PG               SIGKILL the postmaster and its backends, wait till gone
#   recovery_wait_archived PG SECS    switch to a new WAL segment and wait until the one just
#                                     closed is archived
#   recovery_load DIR SECONDS CLIENTS proposals and supports through $BASE_URL, every 201
#                                     recorded in DIR/acks/*: "P key id" and "S id person"
#   recovery_load_stop                ends the clients of recovery_load

# pgBackRest settings for a test: lz4 (fast), synchronous archive-push (the 201's WAL is in
# the repository once archive_command returns), one process.
recovery_backrest_init() { # DIR PG
	local dir=$1 pg=$2
	mkdir -p "$dir/repo" "$dir/log" "$dir/lock" "$dir/spool"
	cat >"$dir/pgbackrest.conf" <<CONF
[global]
repo1-path=$dir/repo
repo1-retention-full=2
log-path=$dir/log
lock-path=$dir/lock
spool-path=$dir/spool
log-level-console=warn
log-level-file=info
compress-type=lz4
archive-async=n
start-fast=y
process-max=1

[kenes]
pg1-path=$pg/data
pg1-socket-path=$pg/run
pg1-port=5432
CONF
	[ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
	kenes_as_pg tee -a "$pg/data/postgresql.conf" >/dev/null <<CONF
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$dir/pgbackrest.conf --stanza=kenes archive-push %p'
archive_timeout = 60
CONF
}

backrest() { # DIR COMMAND [OPTIONS...]
	local dir=$1
	shift
	kenes_as_pg pgbackrest --config="$dir/pgbackrest.conf" --stanza=kenes "$@"
}

# As when the machine dies: the postmaster and every backend at once.
recovery_pg_kill() { # PG
	local pid children p
	pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) || return 1
	children=$(pgrep -P "$pid")
	# shellcheck disable=SC2086
	kill -9 "$pid" $children 2>/dev/null
	for p in $pid $children; do
		for _ in $(seq 100); do
			[ -e "/proc/$p" ] && [ "$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null)" != Z ] || break
			sleep 0.05
		done
	done
}

recovery_wait_archived() { # PG SECONDS
	local url wal i
	url=$(kenes_pg_url "$1" postgres postgres)
	wal=$(psql -X -tA -d "$url" -c "SELECT pg_walfile_name(pg_switch_wal())") || return 1
	for ((i = 0; i < $2 * 10; i++)); do
		[ "$(echo "SELECT coalesce(last_archived_wal >= :'w', false) FROM pg_stat_archiver" |
			psql -X -tA -v w="$wal" -d "$url")" = t ] && return 0
		sleep 0.1
	done
	return 1
}

# One client: for SECONDS, a proposal (its own Idempotency-Key, so that a retry cannot store
# it twice) and a support of a proposal this client stored, by a person of its own.
recovery_client() { # DIR N SECONDS
	local dir=$1 n=$2 end=$(($(date +%s) + $3)) i=0 key code id body ids=()
	while [ "$(date +%s)" -lt "$end" ]; do
		i=$((i + 1))
		key=$RECOVERY_RUN-$n-$i
		body="{\"target\":\"article:$((1 + i % 90))\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"drill $key\"}"
		code=$(curl -s -m 3 -o "$dir/acks/body-$n" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
			-H "Idempotency-Key: $key" --data "$body" "$BASE_URL/api/v1/proposals")
		if [ "$code" = 201 ]; then
			id=$(jq -r .id "$dir/acks/body-$n")
			echo "P $key $id" >>"$dir/acks/client-$n"
			ids+=("$id")
		fi
		[ ${#ids[@]} -gt 0 ] || continue
		id=${ids[RANDOM % ${#ids[@]}]}
		code=$(curl -s -m 3 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
			--data "{\"iin\":\"$(iin $((n * 1000 + i % 1000)))\"}" "$BASE_URL/api/v1/proposals/$id/supports")
		[ "$code" = 201 ] && echo "S $id $((n * 1000 + i % 1000))" >>"$dir/acks/client-$n"
	done
}

RECOVERY_PIDS=()
recovery_load() { # DIR SECONDS CLIENTS
	local n
	mkdir -p "$1/acks"
	RECOVERY_RUN=${RECOVERY_RUN:-r$RANDOM$RANDOM}
	for ((n = 1; n <= $3; n++)); do
		recovery_client "$1" "$n" "$2" &
		RECOVERY_PIDS+=($!)
	done
}

recovery_load_stop() {
	local pid
	for pid in "${RECOVERY_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
	RECOVERY_PIDS=()
}

# The acknowledged proposals as "key id" lines, sorted; the acknowledged supports as
# "proposal-id count" lines (how many people were told 201 for it), sorted.
recovery_acked_proposals() { cat "$1"/acks/client-* 2>/dev/null | awk '$1 == "P" { print $2, $3 }' | sort; }
recovery_acked_supports() {
	cat "$1"/acks/client-* 2>/dev/null | awk '$1 == "S" { print $2, $3 }' | sort -u |
		awk '{ n[$1]++ } END { for (p in n) print p, n[p] }' | sort
}

# A synchronous WAL receiver (pg_receivewal --synchronous) in DIR, as on another machine: the
# primary PG names it in synchronous_standby_names, so that a commit - and a 201 - waits until
# its WAL is flushed there. After the primary's disk is lost, a restore replays the archive
# and then the receiver's last, partial segment (recovery_walsafe_copy): nothing acknowledged
# is lost. Sets RECOVERY_WALSAFE_PID.
recovery_walsafe_start() { # DIR PG
	local dir=$1 pg=$2 url
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
	url="host=$pg/run port=5432 user=postgres application_name=kenes_walsafe"
	kenes_as_pg "$KENES_PG_BIN/pg_receivewal" -d "$url" --slot=kenes_walsafe --create-slot --if-not-exists \
		>"$dir.log" 2>&1 || { cat "$dir.log" >&2; return 1; }
	kenes_as_pg "$KENES_PG_BIN/pg_receivewal" -d "$url" -D "$dir" --slot=kenes_walsafe --synchronous \
		--no-loop >>"$dir.log" 2>&1 &
	RECOVERY_WALSAFE_PID=$!
	psql -X -q -d "$(kenes_pg_url "$pg" postgres postgres)" \
		-c "ALTER SYSTEM SET synchronous_standby_names = 'kenes_walsafe'" -c "SELECT pg_reload_conf()" >/dev/null
	for _ in $(seq 100); do
		[ "$(psql -X -tA -d "$(kenes_pg_url "$pg" postgres postgres)" \
			-c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'kenes_walsafe'")" = sync ] && return 0
		sleep 0.1
	done
	echo "pg_receivewal did not become the synchronous standby:" >&2
	cat "$dir.log" >&2
	return 1
}

# Puts the receiver's WAL (the last segment without its .partial suffix) into PG's pg_wal,
# where recovery reads what the archive does not have.
recovery_walsafe_copy() { # DIR PG
	local f
	for f in "$1"/*; do
		[ -f "$f" ] || continue
		kenes_as_pg cp "$f" "$2/data/pg_wal/$(basename "${f%.partial}")"
	done
}
