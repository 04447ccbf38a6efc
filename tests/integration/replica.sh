#!/usr/bin/env bash
# Read scale-out on PostgreSQL's own streaming replication: a primary and a hot standby
# (pg_basebackup -R) in a temp dir of their own, one handler writing to the primary and
# answering the tallies API from the standby (read_database_url), behind a real nginx.
#
# The choice it tests (docs/SCALING.md): the aggregator runs on the primary (its refresh is
# one REPEATABLE READ transaction that reads the change queue and writes the tallies, so it
# cannot be split across servers), and the heavy reads - the tallies and reports APIs - are
# served by the standby. It checks that:
#   * the API numbers read on the standby equal a recount of the raw rows on the primary, and
#     the tallies themselves pass the independent recount (tests/aggregator/recount.sql);
#   * the API really reads the standby: with replay paused, new proposals (201 from the
#     primary) and a refresh on the primary do not show; after replay they do;
#   * the aggregator refuses to refresh on the standby (read-only) and changes nothing;
#   * with the standby down, submissions still get 201 and the tallies API 503; when it is
#     back, the handler reconnects by itself.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
root=$KENES_ROOT
C=constitution-2026

dir=$(mktemp -d /tmp/kenes-replica.XXXXXX)
chmod 755 "$dir"
done_() {
	stack_stop
	kenes_pg_stop "$dir/standby" 2>/dev/null
	kenes_pg_stop "$dir/primary" 2>/dev/null
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT

kenes_pg_init "$dir/primary" && kenes_pg_start "$dir/primary" &&
	kenes_pg_prepare "$dir/primary" >"$dir/prepare.log" 2>&1 || { cat "$dir/prepare.log"; exit 1; }
kenes_pg_standby "$dir/standby" "$dir/primary" || exit 1
primary=$(kenes_pg_url "$dir/primary" postgres)
standby=$(kenes_pg_url "$dir/standby" postgres)
on_primary() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$primary" "$@"; }
on_standby() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$standby" "$@"; }
agg() { "$root/bin/kenes-aggregator" -q "$@"; }

check "the standby is in recovery" eq "$(on_standby -c 'SELECT pg_is_in_recovery()')" t
check "the standby streams from the primary" \
	eq "$(on_primary -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" 1

[ -s "${KENES_PSEUDONYM_KEY_FILE:-}" ] || { kenes_key "$dir/pseudonym.key"; export KENES_PSEUDONYM_KEY_FILE=$dir/pseudonym.key; }
stack_handler "$dir/fcgi" "$root/bin/kenes-fcgi" \
	KENES_DATABASE_URL="$(kenes_pg_url "$dir/primary" kenes_handler)" \
	KENES_READ_DATABASE_URL="$(kenes_pg_url "$dir/standby" kenes_handler)" || exit 1
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/fcgi/fcgi.sock"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
export BASE_URL=http://127.0.0.1:$port
kenes_wait_http "$BASE_URL/healthz" 20 || { echo "Kenes did not come up"; cat "$dir/fcgi/fcgi.log"; exit 1; }

# --- data on the primary: generated rows, and proposals through the handler ---------------
on_primary -v proposals=3000 -v supports=4000 -v first=1 -f "$root/tests/aggregator/generate.sql"
submit() { # N: submits N proposals through nginx and the handler; prints how many got 201
	local ok=0 i
	for ((i = 0; i < $1; i++)); do
		http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
			"{\"consultation\":\"$C\",\"target\":\"article:$((1 + RANDOM % 95))\",\"stance\":\"support\",\"text\":\"replica $RANDOM\",\"lang\":\"en\",\"region\":\"KZ-71\"}"
		[ "$STATUS" = 201 ] && ok=$((ok + 1))
	done
	echo "$ok"
}
check "20 proposals through the handler: 201" eq "$(submit 20)" 20
agg -d "$primary" refresh
check "the aggregator refreshed on the primary" test $? -eq 0
token=$(agg -d "$primary" token create --role analyst --name "replica test" 2>/dev/null)
check "analyst token" test -n "$token"
check "the standby caught up" kenes_pg_wait_replay "$dir/standby" "$dir/primary" 20

tallies() { # BY: the API's rows as "key proposals supports" lines, sorted
	http GET "/api/v1/tallies?consultation=$C&by=$1" -H "Authorization: Bearer $token"
	json '.rows[] | "\(.key) \(.proposals) \(.supports)"' | sort
}
recount() { # COLUMN: the same from the raw rows on the primary
	on_primary -F ' ' <<SQL | sort
SELECT p.$1, count(*), coalesce(sum(s.n), 0)
FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id AND c.slug = '$C'
LEFT JOIN LATERAL (SELECT count(*) AS n FROM kenes.support s WHERE s.proposal_id = p.id) s ON true
WHERE p.status = 'published' GROUP BY p.$1
SQL
}
total() { # the API's all-time proposal count (sum over channels)
	http GET "/api/v1/tallies?consultation=$C&by=channel" -H "Authorization: Bearer $token"
	json '[.rows[].proposals] | add'
}
published() { on_primary -c "SELECT count(*) FROM kenes.proposal WHERE status = 'published'"; }

http GET "/api/v1/tallies?consultation=$C&by=region" -H "Authorization: Bearer $token"
check "tallies by region, read on the standby: 200" eq "$STATUS" 200
check "by region: the standby's API equals the recount on the primary" eq "$(tallies region)" "$(recount region)"
check "by channel: the standby's API equals the recount on the primary" eq "$(tallies channel)" "$(recount channel)"
check "the read connection is on the standby" \
	eq "$(on_standby -c "SELECT count(*) > 0 FROM pg_stat_activity WHERE application_name = 'kenes-fcgi-read'")" t
check "and none on the primary" \
	eq "$(on_primary -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kenes-fcgi-read'")" 0
recount_out=$(psql -X -q -tA -d "$primary" -f "$root/tests/aggregator/recount.sql" 2>&1)
check "the tallies pass the independent recount" eq "$(echo "$recount_out" | grep -c 'differ=0')" 3

# Reports too: the latest issued week, as stored on the primary.
staff=$(agg -d "$primary" token create --role staff --name "replica staff" 2>/dev/null)
kenes_pg_wait_replay "$dir/standby" "$dir/primary" 20
http GET "/api/v1/reports/weekly?consultation=$C&format=json" -H "Authorization: Bearer $staff"
check "the latest weekly report, read on the standby: 200" eq "$STATUS" 200
check "its checksum is the one stored on the primary" eq "$(header X-Kenes-Report-Sha256)" "$(on_primary -c "
	SELECT o.sha256 FROM kenes.report r JOIN kenes.report_output o ON o.report_id = r.id
	WHERE r.kind = 'week' AND o.format = 'json' ORDER BY r.week DESC LIMIT 1")"

# --- the API reads the standby: pause replay, write and refresh on the primary ------------
before=$(total)
check "API total before = published rows" eq "$before" "$(published)"
on_standby -c "SELECT pg_wal_replay_pause()" >/dev/null
check "5 more proposals while replay is paused: 201" eq "$(submit 5)" 5
agg -d "$primary" refresh
check "the primary's tallies have them" eq "$(on_primary -c "SELECT sum(proposals) FROM kenes.tally_cell WHERE dim = 'channel' AND stance = 'all'")" "$((before + 5))"
check "the standby's API does not yet (it reads the standby)" eq "$(total)" "$before"
on_standby -c "SELECT pg_wal_replay_resume()" >/dev/null
check "replay resumed and caught up" kenes_pg_wait_replay "$dir/standby" "$dir/primary" 20
check "now the API shows them" eq "$(total)" "$((before + 5))"

# --- the aggregator cannot write on a standby -----------------------------------------------
state=$(on_standby -c "SELECT refreshed_at FROM kenes.tally_state")
agg -d "$standby" refresh 2>"$dir/agg-standby.err"
rc=$?
check "refresh on the standby fails (exit 1)" eq "$rc" 1
check "and says why" grep -q "read-only" "$dir/agg-standby.err"
check "and changed nothing" eq "$(on_standby -c "SELECT refreshed_at FROM kenes.tally_state")" "$state"

# --- the standby down: writes go on, reads answer 503, then recover -------------------------
kenes_pg_stop "$dir/standby"
check "standby down: a submission still gets 201" eq "$(submit 1)" 1
http GET "/api/v1/tallies?consultation=$C&by=channel" -H "Authorization: Bearer $token"
check "standby down: the tallies API answers 503" eq "$STATUS" 503
kenes_pg_start "$dir/standby"
agg -d "$primary" refresh
check "standby back and caught up" kenes_pg_wait_replay "$dir/standby" "$dir/primary" 30
sleep 1.1 # the read connection retries at most once a second
check "the handler reconnected: the API counts everything" eq "$(total)" "$(published)"
check "no 5xx but the 503s of the outage" eq "$(awk '$9 ~ /^5/ && $9 != 503' "$dir/nginx/access.log" | wc -l)" 0

finish
