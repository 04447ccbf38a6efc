#!/usr/bin/env bash
# The queue of campaign bursts on /staff/moderation (docs/STAFF.md): twelve people send one
# letter within a minute; after a refresh the campaign is in the queue with its busiest
# minute and its size as an SQL recount gives them, links to its proposals in the staff
# search, and its prefilled form hides exactly the campaign's proposals after the
# confirmation; shown again, and hidden as a whole it leaves the queue at the next refresh.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator KENES_WEEKLY_REPORTS=0 "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
run=$$-$RANDOM
jar=$_tmp/jar
moderator=$(agg token create --role moderator --name "e2e staff-bursts $run")

ids=()
text="Прошу записать в статье о выборах, что участковые комиссии публикуют протоколы в тот же день ($run)."
# The twelve within one calendar minute, as a burst is counted: all at once, and begun at a
# minute's start when less than 20 s of this one are left (a loaded make check is slow).
second=$(date +%S)
[ "${second#0}" -lt 40 ] || sleep $((60 - ${second#0}))
people=$((6000 + (RANDOM % 300) * 12)) # twelve IIN serials of this run
for i in $(seq 0 11); do
	(
		_tmp=$_tmp/post.$i # http's files, one set for each of the twelve
		mkdir -p "$_tmp"
		http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
			"$(jq -nc --arg t "$text" --arg iin "$(iin $((people + i)))" \
				'{consultation: "constitution-2026", target: "article:51", stance: "amend", text: $t, lang: "ru", iin: $iin}')"
		[ "$STATUS" = 201 ] && json .id >"$_tmp/id"
	) &
done
wait
for i in $(seq 0 11); do [ -s "$_tmp/post.$i/id" ] && ids+=("$(cat "$_tmp/post.$i/id")"); done
check "twelve proposals" eq "${#ids[@]}" 12
list=$(IFS=,; echo "${ids[*]}")
agg refresh >/dev/null 2>&1
check "refresh" eq "$?" 0
campaign=$(echo "SELECT DISTINCT campaign_id FROM kenes.campaign_member WHERE proposal_id IN ($list)" | sql)
check "one campaign" test -n "$campaign" -a "$(echo "$campaign" | wc -l)" = 1

staff_sign_in "$jar" "$moderator"
http GET '/staff/moderation?lang=en' -b "$jar"
check "the moderation page: 200" eq "$STATUS" 200
check "with the queue of bursts" contains "$BODY" '<h2 id="bursts">Campaign bursts</h2>'
row=$(printf '%s' "$BODY" | grep -F "<tr><td><a href=\"/staff/proposals?lang=en&amp;campaign=$campaign\">$campaign</a></td>")
check "the campaign is in the queue, linked to its proposals" test -n "$row"
got=$(printf '%s' "$row" | sed 's/<form.*//' | grep -o '<td>[^<]*</td>' | sed 's/<[^>]*>//g' | head -n 4 | tr '\n' ' ')
want=$(echo "SELECT max(n) || ' ' || to_char(min(m) FILTER (WHERE n = mx) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || $(echo "${#ids[@]}") || ' ' || $(echo "${#ids[@]}") || ' '
	FROM (SELECT m, n, max(n) OVER () AS mx FROM (SELECT date_trunc('minute', p.created_at) AS m, count(*) AS n
	      FROM kenes.campaign_member cm JOIN kenes.proposal p ON p.id = cm.proposal_id
	      WHERE cm.campaign_id = $campaign AND p.status = 'published' GROUP BY 1) x) y" | sql)
check "its busiest minute, size and published: an SQL recount" eq "$got" "$want"
check "its text shown as text" contains "$row" "$run"
csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)

mod() { http POST "/staff/moderation/campaigns?lang=en" -b "$jar" --data-urlencode "csrf=$csrf" "$@"; }
status_of() { echo "SELECT string_agg(DISTINCT status, ',') FROM kenes.proposal WHERE id IN ($list)" | sql; }
mod --data "campaign=$campaign&action=hide" --data-urlencode "reason=a form letter $run"
check "the queue's form: a confirmation first" contains "$STATUS $BODY" "200 "
check "... naming the campaign" contains "$BODY" "Campaign no. $campaign"
members=$(echo "SELECT count(*) FROM kenes.campaign_member cm JOIN kenes.proposal p ON p.id = cm.proposal_id
	WHERE cm.campaign_id = $campaign AND p.status = 'published'" | sql)
check "... counting the proposals it will hide ($members)" contains "$BODY" "Count: <strong>$members</strong>"
check "nothing hidden yet" eq "$(status_of)" published
mod --data "campaign=$campaign&action=hide&confirm=yes" --data-urlencode "reason=a form letter $run"
check "confirmed: changed" contains "$BODY" "changed"
check "every proposal of the campaign is hidden" eq "$(status_of)" hidden
agg refresh >/dev/null 2>&1
http GET '/staff/moderation?lang=en' -b "$jar"
check "hidden as a whole, it leaves the queue after a refresh" not contains "$BODY" "campaign=$campaign\">"
mod --data "campaign=$campaign&action=unhide" --data-urlencode "reason=undo $run"
check "showing it again: the count of those hidden with it" contains "$BODY" "Count: <strong>$members</strong>"
mod --data "campaign=$campaign&action=unhide&confirm=yes" --data-urlencode "reason=undo $run"
check "shown again" eq "$(status_of)" published
finish
