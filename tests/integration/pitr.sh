#!/usr/bin/env bash
# The point-in-time recovery drill: a moderator hides a whole campaign by mistake; the
# operator restores the cluster to just before it, from pgBackRest's backup and WAL archive.
#
# In a temp dir of its own (tests/lib/recovery.sh): PostgreSQL archiving to a pgBackRest
# repository, the handler and nginx. After a full backup, a campaign of form letters comes in
# through the API, the aggregator refreshes and issues the weekly reports - and creates the
# named restore point kenes-report-<id> after them (sql/migrations/025) - more proposals come,
# then the mass-hide. Checks that:
#   * restored by name to the report's restore point, the campaign is published again, the
#     hide is not in the moderation log, the report is there and what came after it is not;
#   * restored by time to just before the hide (on the original timeline, after the first
#     restore made a new one), the campaign is published and the later proposals are there;
#   * Kenes serves the campaign again each time, without being restarted.
# Prints how long each restore took, to the cluster's next 201.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
. "$(dirname "$0")/../lib/iin.sh"
. "$(dirname "$0")/../lib/recovery.sh"
root=$KENES_ROOT
C=constitution-2026
run=p$RANDOM$RANDOM

dir=$(mktemp -d /tmp/kenes-pitr.XXXXXX)
chmod 755 "$dir"
pg=$dir/pg
br=$dir/backrest
done_() {
	stack_stop
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
# As in production: the aggregator's own role, so that the restore point is made through the
# SECURITY DEFINER function it was granted, not as a superuser.
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$admin" "$@"; }

check "stanza-create" backrest "$br" stanza-create
backrest "$br" --type=full backup
check "a full backup" test $? -eq 0

[ -s "${KENES_PSEUDONYM_KEY_FILE:-}" ] || { kenes_key "$dir/pseudonym.key"; export KENES_PSEUDONYM_KEY_FILE=$dir/pseudonym.key; }
stack_handler "$dir/fcgi" "$root/bin/kenes-fcgi" KENES_DATABASE_URL="$(kenes_pg_url "$pg" kenes_handler)" || exit 1
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_conf "$dir/nginx" "$port" "$dir/fcgi/fcgi.sock"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
export BASE_URL=http://127.0.0.1:$port
kenes_wait_http "$BASE_URL/healthz" 20 || { echo "Kenes did not come up"; cat "$dir/fcgi/fcgi.log"; exit 1; }

propose() { # TEXT [IIN]: prints the new proposal's id
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"$(jq -nc --arg t "$1" --arg c "$C" --arg iin "${2:-}" \
			'{consultation: $c, target: "article:12", stance: "amend", text: $t, lang: "ru"} + (if $iin == "" then {} else {iin: $iin} end)')"
	[ "$STATUS" = 201 ] && json .id
}

# --- a campaign, a refresh that issues reports, more proposals, the mistake ----------------
ids=()
for i in $(seq 10); do
	id=$(propose "Прошу оставить статью 12 как есть: это письмо кампании $run." "$(iin $((7700 + i)))")
	[ -n "$id" ] && ids+=("$id")
done
check "ten people sent the form letter" eq "${#ids[@]}" 10
moderator=$(agg token create --role moderator --name "pitr drill" 2>/dev/null)
# Last year's proposals, so that the refresh has weeks that are over and issues their reports.
on_pg -v proposals=2000 -v supports=2000 -v first=1 -f "$root/tests/aggregator/generate.sql"
agg refresh 2>"$dir/refresh.log"
check "the refresh issues the weekly reports" grep -q "issued .* weekly report" "$dir/refresh.log"
point=$(sed -n 's/.*restore point \(kenes-report-[0-9]*\) at WAL.*/\1/p' "$dir/refresh.log")
check "and creates a named restore point after them" test -n "$point"
report_id=${point#kenes-report-}
check "named after the newest issued report" eq "$report_id" "$(on_pg -c 'SELECT max(id) FROM kenes.report')"
camp=$(on_pg -c "SELECT DISTINCT campaign_id FROM kenes.campaign_member WHERE proposal_id IN ($(IFS=,; echo "${ids[*]}"))")
check "the letters are one campaign" test "$(echo "$camp" | wc -l)" -eq 1 -a -n "$camp"

later=()
for i in 1 2 3; do later+=("$(propose "Предложение после отчёта $run $i")"); done
check "three proposals after the report" eq "${#later[@]}" 3
sleep 1.1
before_hide=$(on_pg -c "SELECT now()")
sleep 1.1
http POST "/api/v1/moderation/campaigns/$camp/hide" -H "Authorization: Bearer $moderator" \
	-H 'Content-Type: application/json' --data '{"reason":"hidden by mistake: the wrong campaign"}'
check "the moderator hides the whole campaign (by mistake)" eq "$STATUS $(json .affected)" "200 10"
http GET "/api/v1/proposals/${ids[0]}"
check "its letters are gone from the site" eq "$STATUS" 404

published() { on_pg -c "SELECT count(*) FROM kenes.proposal WHERE status = 'published' AND id IN ($(IFS=,; echo "${ids[*]}"))"; }
hides() { on_pg -c "SELECT count(*) FROM kenes.moderation_log WHERE action = 'campaign_hide'"; }
check "hidden in the database" eq "$(published)" 0

# --- the operator's procedure (docs/OPERATIONS.md, "Point-in-time recovery") ------------------
# Archive what is written so far, stop PostgreSQL, restore with --delta, start; the handler
# keeps running and reconnects by itself.
pitr() { # pgbackrest restore options...
	local t ok=""
	check "the WAL written so far is archived" recovery_wait_archived "$pg" 30
	kenes_pg_stop "$pg"
	t=$(date +%s%N)
	backrest "$br" restore --delta --target-action=promote "$@" >>"$dir/restore.log" 2>&1
	check "pgbackrest restore $*" test $? -eq 0
	kenes_pg_start "$pg"
	for _ in $(seq 600); do [ "$(on_pg -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break; sleep 0.1; done
	check "recovered and promoted" eq "$(on_pg -c 'SELECT pg_is_in_recovery()')" f
	for _ in $(seq 100); do
		http POST /api/v1/proposals -H 'Content-Type: application/json' \
			--data '{"target":"general","stance":"support","lang":"en","text":"after the point-in-time recovery"}'
		[ "$STATUS" = 201 ] && { ok=1; break; }
		sleep 0.1
	done
	check "the running handler stores again" test -n "$ok"
	PITR_MS=$(ms_since "$t")
}

pitr --type=name --target="$point"
name_ms=$PITR_MS
check "by name: the campaign is published again" eq "$(published)" 10
check "by name: the hide is not in the moderation log" eq "$(hides)" 0
check "by name: the report is there" eq "$(on_pg -c "SELECT count(*) FROM kenes.report WHERE id = $report_id")" 1
check "by name: what came after the report is not" \
	eq "$(on_pg -c "SELECT count(*) FROM kenes.proposal WHERE id IN ($(IFS=,; echo "${later[*]}"))")" 0
http GET "/api/v1/proposals/${ids[0]}"
check "by name: the site shows the letters again" eq "$STATUS" 200

# The first restore started timeline 2 at the restore point; the hide is on timeline 1.
pitr --type=time --target="$before_hide" --target-timeline=1
time_ms=$PITR_MS
check "by time: the campaign is published again" eq "$(published)" 10
check "by time: the hide is not in the moderation log" eq "$(hides)" 0
check "by time: the proposals made before the hide are there" \
	eq "$(on_pg -c "SELECT count(*) FROM kenes.proposal WHERE id IN ($(IFS=,; echo "${later[*]}"))")" 3
http GET "/api/v1/proposals/${later[2]}"
check "by time: the site shows them" eq "$STATUS" 200
check "archiving goes on after both restores" backrest "$br" check
echo "pitr: restore to the named point $point $((name_ms / 1000)).$((name_ms % 1000 / 100)) s," \
	"to a time $((time_ms / 1000)).$((time_ms % 1000 / 100)) s (each from pgbackrest restore to the next 201);" \
	"database $(on_pg -c "SELECT round(pg_database_size('kenes') / 1048576.0, 1)") MB"
finish
