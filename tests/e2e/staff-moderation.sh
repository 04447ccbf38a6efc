#!/usr/bin/env bash
# Moderation in the staff workspace (docs/STAFF.md, fcgi/staff_moderation.c): a moderator
# hides a selection in bulk after a confirmation that shows the count, the log gets one entry
# per proposal under the session's token, the selection is shown again; a duplicate needs its
# original; a reason is required; an unknown campaign is refused. Who may use the rows at all
# is staff-auth.sh's matrix. Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
run=$$-$RANDOM
jar=$_tmp/jar
moderator=$(agg token create --role moderator --name "e2e staff-moderation $run")
check "token created" test -n "$moderator"
tid=$(echo "SELECT id FROM kenes.staff_token WHERE token_sha256 = sha256(convert_to(:'t', 'UTF8'))" | sql -v t="$moderator")

staff_sign_in "$jar" "$moderator"
http GET '/staff/moderation?lang=en' -b "$jar"
check "the moderation page: 200" eq "$STATUS" 200
check "with the campaign form" contains "$BODY" 'action="/staff/moderation/campaigns?lang=en"'
csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
check "and the session's form token" test -n "$csrf"

propose() {
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"$(jq -cn --arg t "$1" '{consultation: "constitution-2026", target: "article:64", stance: "oppose", text: $t, lang: "ru", region: "KZ-71"}')"
	json .id
}
a=$(propose "Первое $run")
b=$(propose "Второе <b>$run</b>")
check "two proposals" test -n "$a" -a -n "$b"
mod() { http POST "/staff/moderation/$1?lang=en" -b "$jar" --data-urlencode "csrf=$csrf" "${@:2}"; }
status_of() { echo "SELECT string_agg(status, ',' ORDER BY id) FROM kenes.proposal WHERE id IN ($a, $b)" | sql; }

mod proposals --data "action=hide&id=$a&id=$b" --data-urlencode "reason=bulk <i>$run</i>"
check "first a confirmation: 200" eq "$STATUS" 200
check "with the count" contains "$BODY" "Count: <strong>2</strong>"
check "and the reason, escaped" contains "$BODY" "bulk &lt;i&gt;$run&lt;/i&gt;"
check "nothing hidden yet" eq "$(status_of)" "published,published"
mod proposals --data "action=hide&id=$a&id=$b&confirm=yes" --data-urlencode "reason=bulk $run"
check "confirmed: both changed" eq "$(printf '%s' "$BODY" | grep -o '<td>changed</td>' | wc -l)" 2
check "both hidden" eq "$(status_of)" "hidden,hidden"
check "two log entries with the reason, under the session's token" \
	eq "$(echo "SELECT count(*) FROM kenes.moderation_log WHERE reason = :'r' AND token_id = :'t'" | sql -v r="bulk $run" -v t="$tid")" 2
http GET "/api/v1/proposals/$a"
check "gone from the public API at once" eq "$STATUS" 404
mod proposals --data "action=unhide&id=$a&id=$b&confirm=yes" --data-urlencode "reason=undo $run"
check "undone: both published" eq "$(status_of)" "published,published"
mod proposals --data "action=hide&id=$a&id=$b&confirm=yes" --data-urlencode "reason=undo $run"
mod proposals --data "action=hide&id=$a&id=$b&confirm=yes" --data-urlencode "reason=again $run"
check "repeating changes nothing" eq "$(printf '%s' "$BODY" | grep -o '<td>unchanged</td>' | wc -l)" 2
mod proposals --data "action=unhide&id=$a&id=$b&confirm=yes" --data-urlencode "reason=undo $run"
mod proposals --data "action=duplicate&id=$b&of=$a&confirm=yes" --data-urlencode "reason=dup $run"
check "marked as a duplicate of the first" \
	eq "$(echo "SELECT via || ' ' || duplicate_of FROM kenes.moderation_state WHERE proposal_id = :'p'" | sql -v p="$b")" "duplicate $a"
mod proposals --data "action=duplicate&id=$b&confirm=yes" --data-urlencode "reason=x"
check "a duplicate without its original: 422" eq "$STATUS" 422
mod proposals --data "action=hide&id=$a"
check "without a reason: 422" eq "$STATUS" 422
mod proposals --data "action=hide&id=0" --data-urlencode "reason=x"
check "a bad id: 422" eq "$STATUS" 422
mod proposals
check "an empty form: back to the queue" eq "$STATUS $(header Location)" "303 /staff/moderation?lang=en"
mod campaigns --data "action=hide&campaign=999999999&confirm=yes" --data-urlencode "reason=x"
check "an unknown campaign: refused" contains "$BODY" "<td>refused</td>"
http POST "/staff/moderation/proposals?lang=en" -b "$jar" --data "action=hide&id=$a&confirm=yes&reason=x"
check "without the form token: 403, nothing done" eq "$STATUS $(status_of)" "403 published,hidden"

# --- resolving an identity flag from the queue (fcgi/staff_flags.c): logged under the token
c=$(propose "Третье $run")
fid=$(echo "INSERT INTO kenes.identity_flag (proposal_id, channel) VALUES (:'p', 'web') RETURNING id" | sql -v p="$c" | head -n 1)
http GET '/staff/moderation?lang=en' -b "$jar"
check "the queue offers to resolve the flag" contains "$BODY" "<option value=\"$fid\">$fid · proposal $c</option>"
flag_of() { echo "SELECT coalesce(decision, 'open') || ' ' || p.status FROM kenes.identity_flag f JOIN kenes.proposal p ON p.id = f.proposal_id WHERE f.id = :'f'" | sql -v f="$fid"; }
# Refusals (the form, what is answered and left, why), then the empty form and the real one.
while IFS='|' read -r data want why; do
	mod flags --data "$data"
	check "$why: $want" eq "$STATUS $(flag_of)" "$want"
done <<REFUSED
flag=$fid&decision=delete&reason=x|422 open published|a decision other than keep or hide
flag=$fid&decision=hide|422 open published|without a reason
flag=0&decision=hide&reason=x|422 open published|a bad flag id
flag=999999999&decision=keep&reason=x|404 open published|an unknown flag
REFUSED
mod flags
check "an empty form: back to the queue" eq "$STATUS $(header Location)" "303 /staff/moderation?lang=en"
mod flags --data "flag=$fid&decision=hide" --data-urlencode "reason=flag $run"
check "resolved: 303 back to the queue" eq "$STATUS $(header Location)" "303 /staff/moderation?lang=en"
check "the flag is resolved and the proposal hidden" eq "$(flag_of)" "hide hidden"
check "one flag_resolve entry, under the session's token" \
	eq "$(echo "SELECT count(*) FROM kenes.moderation_log WHERE action = 'flag_resolve' AND flag_id = :'f' AND token_id = :'t' AND reason = :'r'" | sql -v f="$fid" -v t="$tid" -v r="flag $run")" 1
http GET '/staff/moderation?lang=en' -b "$jar"
check "and it has left the queue" lacks "$BODY" "<option value=\"$fid\">"
finish
