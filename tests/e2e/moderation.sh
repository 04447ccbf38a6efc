#!/usr/bin/env bash
# Moderation through real nginx: hide, unhide and mark duplicates (moderator tokens only),
# hidden proposals gone from every public view at once and from the tallies at the next
# `kenes-aggregator refresh` (checked against the raw rows and the independent recount),
# the append-only audit log and its CSV/JSON export, and a person reporting a proposal filed
# in their name (JSON and the no-JavaScript form) with the flag a moderator resolves.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
C=constitution-2026
T=article:61 # a part no other suite writes about
run=$$-$RANDOM

moderator=$(agg token create --role moderator --name "e2e moderator $run" 2>/dev/null)
moderator2=$(agg token create --role moderator --name "e2e second moderator $run" 2>/dev/null)
staff=$(agg token create --role staff --name "e2e staff $run" 2>/dev/null)
analyst=$(agg token create --role analyst --name "e2e analyst $run" 2>/dev/null)
revoked=$(agg token create --role moderator --name "e2e revoked $run" 2>/dev/null)
agg token revoke "$(echo "SELECT id FROM kenes.staff_token WHERE token_sha256 = sha256(convert_to('$revoked', 'UTF8'))" | sql)" 2>/dev/null
check "tokens created" test -n "$moderator" -a -n "$moderator2" -a -n "$staff" -a -n "$analyst"

# POST an action: TOKEN PATH BODY [curl args]
act() {
	local token=$1 path=$2 body=$3
	shift 3
	http POST "/api/v1/moderation/$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		--data-binary "$body" "$@"
}
propose() { # TEXT [IIN]: stores a proposal on $T, prints its id
	local doc
	doc=$(jq -cn --arg t "$1" --arg iin "${2:-}" --arg target "$T" \
		'{consultation: "constitution-2026", target: $target, stance: "support", topics: ["land"], text: $t,
		  lang: "ru", region: "KZ-71"} + (if $iin == "" then {} else {iin: $iin} end)')
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$doc"
	json .id
}
support() { # ID IIN
	http POST "/api/v1/proposals/$1/supports" -H 'Content-Type: application/json' --data "{\"iin\":\"$2\"}"
}

# People differ from run to run, so that the suite can run again within the hour (caps).
base=$((RANDOM % 400 * 20 + 1000))
A=$(iin $base) B=$(iin $((base + 1))) S1=$(iin $((base + 2))) S2=$(iin $((base + 3))) E=$(iin $((base + 4)))
p1=$(propose "Модерация $run: первое" "$A")
p2=$(propose "Модерация $run: второе" "$B")
p3=$(propose "Модерация $run: анонимное")
p4=$(propose "Модерация $run: четвёртое")
check "four proposals stored" test -n "$p1" -a -n "$p2" -a -n "$p3" -a -n "$p4"
support "$p1" "$S1"
support "$p1" "$S2"
check "two supports on the first" eq "$STATUS $(json .supports)" "201 2"

# --- who may -----------------------------------------------------------------------------------
http POST "/api/v1/moderation/proposals/$p1/hide" -H 'Content-Type: application/json' --data '{"reason":"x"}'
check "no token: 401" eq "$STATUS $(json .error.code)" "401 unauthorized"
check "with a challenge" eq "$(header WWW-Authenticate)" 'Bearer realm="kenes"'
act "kns_$(printf 'B%.0s' $(seq 43))" "proposals/$p1/hide" '{"reason":"x"}'
check "an unknown token: 401 invalid_token" eq "$STATUS $(json .error.code)" "401 invalid_token"
http POST "/api/v1/moderation/proposals/$p1/hide" -H "Authorization: Basic eDp5" --data '{"reason":"x"}'
check "not a bearer token: 401" eq "$STATUS $(json .error.code)" "401 invalid_token"
act "$revoked" "proposals/$p1/hide" '{"reason":"x"}'
check "a revoked token: 401" eq "$STATUS" 401
act "$staff" "proposals/$p1/hide" '{"reason":"x"}'
check "staff may not act: 403" eq "$STATUS $(json .error.code)" "403 forbidden"
act "$analyst" "proposals/$p1/hide" '{"reason":"x"}'
check "analyst may not act: 403" eq "$STATUS" 403
http GET /api/v1/moderation/log -H "Authorization: Bearer $analyst"
check "analyst may not read the log: 403" eq "$STATUS" 403
http GET /api/v1/moderation/flags -H "Authorization: Bearer $analyst"
check "analyst may not read the flags: 403" eq "$STATUS" 403
http GET /api/v1/moderation/log
check "no token on the log: 401" eq "$STATUS" 401
check "refused attempts logged nothing" eq "$(echo "SELECT count(*) FROM kenes.moderation_log WHERE proposal_id = $p1" | sql)" 0
http GET "/api/v1/proposals/$p1"
check "still public" eq "$STATUS" 200

# --- tallies before ------------------------------------------------------------------------------
raw() { # "proposals supports" on $T from the raw rows (published only)
	sql -v target="${T#article:}" <<'SQL'
SELECT count(*) || ' ' || coalesce(sum(p.support_count), 0)
FROM kenes.proposal p JOIN kenes.part x ON x.id = p.part_id AND x.kind = 'article' AND x.number = :'target'::integer
JOIN kenes.consultation k ON k.id = p.consultation_id AND k.slug = 'constitution-2026'
WHERE p.status = 'published'
SQL
}
tally() { # "proposals supports" on $T through the analysts' API
	http GET "/api/v1/tallies?consultation=$C&by=article" -H "Authorization: Bearer $analyst"
	json ".rows[] | select(.key == \"$T\") | \"\\(.proposals) \\(.supports)\""
}
recount() { sql -f "$root/tests/aggregator/recount.sql" 2>&1 | grep -E '^(cells|days) '; }
agrees() { # the recount's two lines both say differ=0
	local out
	out=$(recount)
	grep -q '^cells expected=[1-9][0-9]* differ=0$' <<<"$out" && grep -q '^days expected=[1-9][0-9]* differ=0$' <<<"$out" ||
		{ echo "     recount: $out"; return 1; }
}
agg refresh 2>/dev/null
before=$(tally)
check "tallies before equal the raw rows" eq "$before" "$(raw)"
read -r n0 s0 <<<"$before"

# The public reads are cached for up to 3 s (docs/OPERATIONS.md "The read cache"): a decision
# reaches them once that has passed. Moderators reading with their token see it at once.
cache_settles() { sleep 3.1; }

# --- hide ----------------------------------------------------------------------------------------
act "$moderator" "proposals/$p1/hide" "{\"reason\":\"Filed in a stolen name ($run)\"}"
check "hide: 200, changed" eq "$STATUS $(json .changed) $(json .status) $(json .hidden_as)" "200 true hidden proposal"
check "hide: its log entry" test "$(json .log_id)" -gt 0
hide_log=$(json .log_id)
act "$moderator" "proposals/$p1/hide" '{"reason":"again"}'
check "hide again: 200, unchanged, no entry" eq "$STATUS $(json .changed) $(json .log_id)" "200 false null"
cache_settles
http GET "/api/v1/proposals/$p1"
check "gone from the API (past the read cache)" eq "$STATUS $(json .error.code)" "404 not_found"
http GET "/proposals/$p1?lang=en"
check "gone from its page" eq "$STATUS" 404
http GET "/api/v1/proposals?consultation=$C&target=$T&per_page=100"
check "gone from the list" eq "$(json "[.items[].id] | index($p1)")" null
check "the others are listed" eq "$(json "[.items[].id] | index($p2) != null")" true
http GET "/api/v1/proposals?consultation=$C&target=$T&sort=supported&per_page=100"
check "gone from the most supported list" eq "$(json "[.items[].id] | index($p1)")" null
http GET "/proposals?target=$T&lang=ru"
check "gone from the HTML list" lacks "$BODY" "Модерация $run: первое"
support "$p1" "$(iin $((base + 10)))"
check "cannot be supported" eq "$STATUS" 404
check "still stored" eq "$(echo "SELECT status FROM kenes.proposal WHERE id = $p1" | sql)" hidden
check "tallies unchanged before the refresh" eq "$(tally)" "$before"
agg refresh 2>/dev/null
check "after the refresh: one proposal and its two supports fewer" eq "$(tally)" "$((n0 - 1)) $((s0 - 2))"
check "and equal the raw rows" eq "$(tally)" "$(raw)"
check "the recount agrees" agrees

# --- unhide --------------------------------------------------------------------------------------
act "$moderator2" "proposals/$p1/unhide" '{"reason":"the person confirmed it is theirs"}'
check "unhide: 200, changed" eq "$STATUS $(json .changed) $(json .status)" "200 true published"
act "$moderator2" "proposals/$p1/unhide" '{"reason":"again"}'
check "unhide again: unchanged" eq "$STATUS $(json .changed)" "200 false"
cache_settles
http GET "/api/v1/proposals/$p1"
check "public again, with its supports" eq "$STATUS $(json .supports)" "200 2"
agg refresh 2>/dev/null
check "after the refresh: back as before" eq "$(tally)" "$before"
check "the recount agrees" agrees

# --- duplicates ----------------------------------------------------------------------------------
act "$moderator" "proposals/$p2/duplicate" "{\"reason\":\"same text twice\",\"of\":$p3}"
check "duplicate: 200, hidden as a duplicate of p3" eq "$STATUS $(json .status) $(json .hidden_as) $(json .duplicate_of)" "200 hidden duplicate $p3"
act "$moderator" "proposals/$p2/duplicate" "{\"reason\":\"again\",\"of\":$p3}"
check "the same again: unchanged" eq "$STATUS $(json .changed)" "200 false"
cache_settles
http GET "/api/v1/proposals/$p2"
check "a duplicate is gone from the API" eq "$STATUS" 404
act "$moderator" "proposals/$p4/duplicate" "{\"reason\":\"x\",\"of\":$p4}"
check "of itself: 422 self_duplicate on of" eq "$STATUS $(json .error.code) $(json .error.field)" "422 self_duplicate of"
act "$moderator" "proposals/$p4/duplicate" '{"reason":"x","of":999999999999}'
check "of an unknown proposal: 422" eq "$STATUS $(json .error.code) $(json .error.field)" "422 unknown_original of"
act "$moderator" "proposals/$p4/duplicate" "{\"reason\":\"x\",\"of\":$p2}"
check "of a duplicate: 422 original_is_duplicate" eq "$STATUS $(json .error.code)" "422 original_is_duplicate"
act "$moderator" "proposals/$p3/duplicate" "{\"reason\":\"x\",\"of\":$p4}"
check "an original cannot become a duplicate: 422 has_duplicates" eq "$STATUS $(json .error.code)" "422 has_duplicates"
act "$moderator" "proposals/$p4/duplicate" '{"reason":"x"}'
check "without of: 422 required" eq "$STATUS $(json .error.code) $(json .error.field)" "422 required of"
act "$moderator" "proposals/$p4/duplicate" "{\"reason\":\"x\",\"of\":\"$p3\"}"
check "of as a string: 422 invalid_type" eq "$STATUS $(json .error.code)" "422 invalid_type"
act "$moderator" "proposals/$p2/unhide" '{"reason":"not a duplicate after all"}'
check "unhide clears the duplicate" eq "$STATUS $(json .status) $(json .duplicate_of)" "200 published null"

# --- a whole campaign ------------------------------------------------------------------------------
# Words of this run only, so that the aggregator's clustering (near duplicates) never joins
# these letters to another run's or suite's.
letter="Письмо $(for _ in 1 2 3 4 5 6 7 8; do printf '%s ' "$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"; done)— конец"
c1=$(propose "$letter" "$(iin $((base + 5)))")
c2=$(propose "$letter" "$(iin $((base + 6)))")
c3=$(propose "$letter" "$(iin $((base + 7)))")
c4=$(propose "$letter" "$(iin $((base + 8)))")
support "$c1" "$(iin $((base + 9)))"
agg refresh 2>/dev/null
camp=$(echo "SELECT campaign_id FROM kenes.campaign_member WHERE proposal_id = $c1" | sql)
check "the next refresh makes the four letters one campaign" eq \
	"$(echo "SELECT count(*) FROM kenes.campaign_member WHERE campaign_id = '$camp' AND proposal_id IN ($c1, $c2, $c3, $c4)" | sql)" 4
act "$moderator" "proposals/$c4/hide" '{"reason":"abusive, whatever its campaign"}'
check "one member hidden on its own first" eq "$STATUS $(json .changed)" "200 true"
agg refresh 2>/dev/null
before=$(tally)
read -r n0 s0 <<<"$before"
act "$staff" "campaigns/$camp/hide" '{"reason":"x"}'
check "staff may not hide a campaign: 403" eq "$STATUS" 403
act "$moderator" "campaigns/$camp/hide" '{"reason":"one form letter, a burst in a minute"}'
check "campaign hide: one call, three more hidden" eq "$STATUS $(json .changed) $(json .affected) $(json .hidden)" "200 true 3 $(echo "SELECT count(*) FROM kenes.campaign_member WHERE campaign_id = $camp" | sql)"
camp_log=$(json .log_id)
act "$moderator" "campaigns/$camp/hide" '{"reason":"again"}'
check "campaign hide again: unchanged" eq "$STATUS $(json .changed) $(json .affected) $(json .log_id)" "200 false 0 null"
cache_settles
http GET "/api/v1/proposals/$c1"
check "its members leave the API (past the read cache)" eq "$STATUS" 404
http GET "/api/v1/proposals?consultation=$C&target=$T&per_page=100"
check "and the list" eq "$(json "[.items[].id] | map(select(. == $c1 or . == $c2 or . == $c3)) | length")" 0
agg refresh 2>/dev/null
check "the next refresh: three proposals and one support fewer" eq "$(tally)" "$((n0 - 3)) $((s0 - 1))"
check "equal to the raw rows" eq "$(tally)" "$(raw)"
check "the recount agrees" agrees
act "$moderator" "campaigns/$camp/unhide" '{"reason":"a genuine letter-writing campaign"}'
check "campaign unhide: the three back" eq "$STATUS $(json .changed) $(json .affected)" "200 true 3"
cache_settles
http GET "/api/v1/proposals/$c4"
check "the one hidden on its own stays hidden" eq "$STATUS" 404
http GET "/api/v1/proposals/$c1"
check "the others are public again" eq "$STATUS" 200
agg refresh 2>/dev/null
check "the next refresh: back as before" eq "$(tally)" "$before"
check "the recount agrees" agrees
act "$moderator" "campaigns/999999999999/hide" '{"reason":"x"}'
check "an unknown campaign: 404" eq "$STATUS $(json .error.code)" "404 not_found"
act "$moderator" "campaigns/$camp/duplicate" '{"reason":"x"}'
check "no such campaign action: 404" eq "$STATUS" 404
check "the log names the campaign, the count and the proposals" eq \
	"$(echo "SELECT action || ' ' || campaign_id || ' ' || affected || ' ' || array_to_string(proposal_ids, ',') FROM kenes.moderation_log WHERE id = $camp_log" | sql)" \
	"campaign_hide $camp 3 $c1,$c2,$c3"
http GET "/api/v1/moderation/campaigns/$camp" -H "Authorization: Bearer $staff"
check "a campaign as moderators see it" eq "$STATUS $(json '"\(.members) \(.hidden) \(.hidden_with_campaign)"')" "200 4 1 0"
check "with its history" eq "$(json '[.history[] | "\(.action):\(.affected)"] | join(" ")')" "campaign_hide:3 campaign_unhide:3"
http GET "/api/v1/moderation/proposals/$c4" -H "Authorization: Bearer $moderator"
check "a hidden proposal as moderators see it" eq "$STATUS $(json .status) $(json .hidden_as) $(json .campaign_member)" "200 hidden proposal $camp"
check "its text" eq "$(json .text)" "$letter"
http GET "/api/v1/moderation/proposals/$c1" -H "Authorization: Bearer $moderator"
check "a member's history: both campaign actions" eq "$(json '[.history[].action] | join(" ")')" "campaign_hide campaign_unhide"
http GET "/api/v1/moderation/proposals/$c1" -H "Authorization: Bearer $analyst"
check "analysts may not: 403" eq "$STATUS" 403
http GET "/api/v1/moderation/proposals/999999999999" -H "Authorization: Bearer $moderator"
check "an unknown proposal: 404" eq "$STATUS" 404
http GET "/api/v1/moderation/campaigns/999999999999" -H "Authorization: Bearer $moderator"
check "an unknown campaign: 404" eq "$STATUS" 404
http GET "/api/v1/moderation/proposals/$c1?x=1" -H "Authorization: Bearer $moderator"
check "no parameters: 422" eq "$STATUS $(json .error.code)" "422 unknown_parameter"
http POST "/api/v1/moderation/proposals/$c1" -H "Authorization: Bearer $moderator"
check "POST on a proposal: 405" eq "$STATUS $(header Allow)" "405 GET, HEAD"

# --- bad requests --------------------------------------------------------------------------------
act "$moderator" "proposals/$p4/hide" '{}'
check "no reason: 422 required" eq "$STATUS $(json .error.code) $(json .error.field)" "422 required reason"
act "$moderator" "proposals/$p4/hide" '{"reason":"   "}'
check "a blank reason: 422 required" eq "$STATUS $(json .error.code)" "422 required"
act "$moderator" "proposals/$p4/hide" "{\"reason\":\"$(printf 'x%.0s' $(seq 1001))\"}"
check "a reason over 1000 characters: 422" eq "$STATUS $(json .error.code)" "422 reason_too_long"
act "$moderator" "proposals/$p4/hide" '{"reason":"x","colour":"red"}'
check "an unknown field: 422" eq "$STATUS $(json .error.code) $(json .error.field)" "422 unknown_field colour"
act "$moderator" "proposals/$p4/hide" '{"reason": 5}'
check "a reason that is no string: 422" eq "$STATUS $(json .error.code)" "422 invalid_type"
act "$moderator" "proposals/$p4/hide" '{"reason":'
check "not JSON: 400" eq "$STATUS $(json .error.code)" "400 malformed_json"
http POST "/api/v1/moderation/proposals/$p4/hide" -H "Authorization: Bearer $moderator" -H 'Content-Type: text/plain' --data 'reason=x'
check "not JSON at all: 415" eq "$STATUS" 415
act "$moderator" "proposals/999999999999/hide" '{"reason":"x"}'
check "an unknown proposal: 404" eq "$STATUS $(json .error.code)" "404 not_found"
act "$moderator" "proposals/$p4/explode" '{"reason":"x"}'
check "an unknown action: 404" eq "$STATUS" 404
act "$moderator" "proposals/0$p4/hide" '{"reason":"x"}'
check "a leading zero: 404" eq "$STATUS" 404
http GET "/api/v1/moderation/proposals/$p4/hide" -H "Authorization: Bearer $moderator"
check "GET on an action: 405" eq "$STATUS $(header Allow)" "405 POST"
http POST /api/v1/moderation/log -H "Authorization: Bearer $moderator"
check "POST on the log: 405" eq "$STATUS $(header Allow)" "405 GET, HEAD"
check "bad requests logged nothing" eq "$(echo "SELECT count(*) FROM kenes.moderation_log WHERE proposal_id = $p4" | sql)" 0

# --- the audit log -------------------------------------------------------------------------------
formula='=HYPERLINK("http://evil.example","click"),x'
act "$moderator" "proposals/$p4/hide" "$(jq -cn --arg r "$formula" '{reason: $r}')"
check "a reason that looks like a formula is stored" eq "$STATUS $(json .changed)" "200 true"
http GET "/api/v1/moderation/log?after=$((hide_log - 1))" -H "Authorization: Bearer $staff"
check "staff reads the log" eq "$STATUS" 200
mine=".items[] | select(.proposal == $p1 or .proposal == $p2 or .proposal == $p4)"
check "every action that changed something, in order" eq "$(json "[$mine | \"\\(.action):\\(.proposal)\"] | join(\" \")")" \
	"hide:$p1 unhide:$p1 duplicate:$p2 unhide:$p2 hide:$p4"
check "the campaign's entries" eq "$(json "[.items[] | select(.campaign == $camp) | \"\\(.action):\\(.affected)\"] | join(\" \")")" \
	"campaign_hide:3 campaign_unhide:3"
check "who: the token's name and role" eq "$(json "[$mine | .actor.name] | .[1]")" "e2e second moderator $run"
check "why" eq "$(json "[$mine | .reason] | .[0]")" "Filed in a stolen name ($run)"
check "what it changed" eq "$(json "[$mine | .affected] | join(\",\")")" "1,1,1,1,1"
check "the duplicate's original" eq "$(json "[$mine | .duplicate_of] | .[2]")" "$p3"
check "when (UTC)" contains "$(json "[$mine | .at] | .[0]")" "Z"
today=$(date -u +%F)
http GET "/api/v1/moderation/log?format=csv&from=$today&to=$today&after=$((hide_log - 1))" -H "Authorization: Bearer $moderator"
check "CSV" eq "$STATUS $(header Content-Type)" "200 text/csv; charset=utf-8"
check "CSV header" eq "$(printf '%s' "$BODY" | head -1 | tr -d '\r')" "id,at,token_id,actor,role,action,proposal,campaign,duplicate_of,flag,decision,affected,reason,sso_subject"
check "a formula is neutralised" contains "$BODY" "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"),x\""
check "CSV as an attachment" contains "$(header Content-Disposition)" attachment
http GET "/api/v1/moderation/log?format=csv&bom=1&limit=1" -H "Authorization: Bearer $staff"
check "bom=1" eq "$(printf '%s' "$BODY" | head -c 3 | od -An -tx1 | tr -d ' ')" efbbbf
check "a full page names the next" test -n "$(header X-Kenes-Next-After)"
tomorrow=$(date -u -d tomorrow +%F)
http GET "/api/v1/moderation/log?from=$tomorrow" -H "Authorization: Bearer $staff"
check "from tomorrow: nothing" eq "$STATUS $(json '.items | length')" "200 0"
bad() { # QUERY FIELD CODE
	http GET "/api/v1/moderation/log?$1" -H "Authorization: Bearer $staff"
	check "log ?$1: 422 $3 on $2" eq "$STATUS $(json .error.field) $(json .error.code)" "422 $2 $3"
}
bad "from=2026-1-5" from invalid_date
bad "from=2026-03-02&to=2026-03-01" from invalid_range
bad "format=xml" format invalid_format
bad "limit=0" limit invalid_limit
bad "after=x" after invalid_after
bad "colour=red" colour unknown_parameter
bad "from=2026-01-01&from=2026-01-02" from repeated_parameter
http GET "/api/v1/moderation/log?from=2026-02-30" -H "Authorization: Bearer $staff"
check "a date that does not exist: 422" eq "$STATUS $(json .error.code)" "422 invalid_date"

# Append-only: the owner cannot change or delete an entry; the handler's role cannot write at all.
check "UPDATE refused (even the owner)" not sql -c "UPDATE kenes.moderation_log SET reason = 'rewritten' WHERE id = $hide_log" 2>/dev/null
check "DELETE refused (even the owner)" not sql -c "DELETE FROM kenes.moderation_log WHERE id = $hide_log" 2>/dev/null
check "TRUNCATE refused (even the owner)" not sql -c "TRUNCATE kenes.moderation_log" 2>/dev/null
check "the handler's role may not INSERT directly" not sql -c "SET ROLE kenes_handler; INSERT INTO kenes.moderation_log (token_id, actor, role, action, proposal_id, affected, reason) VALUES (1, 'me', 'moderator', 'hide', 1, 0, 'forged')" 2>/dev/null
check "nor UPDATE" not sql -c "SET ROLE kenes_handler; UPDATE kenes.moderation_log SET reason = 'x'" 2>/dev/null
check "nor change a proposal's status itself" not sql -c "SET ROLE kenes_handler; UPDATE kenes.proposal SET status = 'hidden' WHERE id = $p3" 2>/dev/null
check "the handler's role cannot read the report attempts (pseudonyms)" not sql -c "SET ROLE kenes_handler; SELECT count(*) FROM kenes.identity_report_attempt" 2>/dev/null
check "the entry is as written" eq "$(echo "SELECT reason FROM kenes.moderation_log WHERE id = $hide_log" | sql)" "Filed in a stolen name ($run)"

# --- "filed in my name": a person reports, a moderator resolves ------------------------------------
report() { # ID JSON-BODY
	http POST "/api/v1/proposals/$1/report-identity" -H 'Content-Type: application/json' --data-binary "$2"
}
report "$p2" "{\"iin\":\"$B\"}"
check "the person it was filed with: 201, a flag" eq "$STATUS $(json .reported)" "201 true"
flag=$(json .flag)
report "$p2" "{\"iin\":\"$B\"}"
check "again: 200, the same flag" eq "$STATUS $(json .flag)" "200 $flag"
report "$p2" "{\"iin\":\"$A\"}"
check "someone else: 403 not_filed_in_your_name" eq "$STATUS $(json .error.code)" "403 not_filed_in_your_name"
other=$BODY
report "$p3" "{\"iin\":\"$A\"}"
check "an anonymous proposal: the very same answer" eq "$STATUS $BODY" "403 $other"
check "which names nobody" lacks "$other" "$B"
report "$p2" '{"iin":"123456789012"}'
check "an invalid IIN: 422 invalid_iin" eq "$STATUS $(json .error.code)" "422 invalid_iin"
report "$p2" '{}'
check "no IIN: 422 required" eq "$STATUS $(json .error.code) $(json .error.field)" "422 required iin"
report "$p4" "{\"iin\":\"$A\"}"
check "a hidden proposal: 404" eq "$STATUS" 404
http POST "/api/v1/proposals/$p2/report-identity" -H 'Content-Type: application/json' -H 'Origin: https://evil.example' --data "{\"iin\":\"$B\"}"
check "cross-site: 403" eq "$STATUS $(json .error.code)" "403 cross_site"
http GET "/api/v1/proposals/$p2/report-identity"
check "GET: 405" eq "$STATUS" 405
for i in $(seq 10); do report "$p3" "{\"iin\":\"$E\"}"; done
check "ten tries by one person answered" eq "$STATUS" 403
report "$p3" "{\"iin\":\"$E\"}"
check "the eleventh in an hour: 429 with Retry-After" eq "$STATUS $(json .error.code)" "429 rate_limited"
check "Retry-After" test -n "$(header Retry-After)"

# The no-JavaScript form on the proposal page, in Russian.
http GET "/proposals/$p1?lang=ru"
check "the proposal page has the report form" contains "$BODY" "action=\"/api/v1/proposals/$p1/report-identity\""
check "labelled in Russian" contains "$BODY" "Ваш ИИН (для проверки)"
token=$(printf '%s' "$BODY" | sed -n '/report-identity/,/<\/form>/p' | grep -o 'name="form_token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
check "with a form token" test -n "$token"
http POST "/api/v1/proposals/$p1/report-identity" -H 'Content-Type: application/x-www-form-urlencoded' \
	--data "form_token=$token&ui_lang=ru&iin=$B"
check "the form, someone else: 403 page in Russian" eq "$STATUS $(header Content-Type)" "403 text/html; charset=utf-8"
check "saying why" contains "$BODY" "сообщить о нём может только тот"
check "the IIN is not echoed" lacks "$BODY" "$B"
http POST "/api/v1/proposals/$p1/report-identity" -H 'Content-Type: application/x-www-form-urlencoded' \
	--data "form_token=$token&ui_lang=ru&iin=12"
check "the form, a bad IIN: 422 beside the report form" eq "$STATUS" 422
check "linked to its own field" contains "$BODY" 'href="#f-report_iin"'
token=$(printf '%s' "$BODY" | sed -n '/report-identity/,/<\/form>/p' | grep -o 'name="form_token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
http POST "/api/v1/proposals/$p1/report-identity" -H 'Content-Type: application/x-www-form-urlencoded' \
	--data "form_token=$token&ui_lang=ru&iin=$A"
check "the form, the right person: 303 to the page" eq "$STATUS $(header Location)" "303 /proposals/$p1?lang=ru&done=reported"
http GET "/proposals/$p1?lang=ru&done=reported"
check "which says it is recorded" contains "$BODY" "Ваше сообщение принято"
http POST "/api/v1/proposals/$p1/report-identity" -H 'Content-Type: application/x-www-form-urlencoded' --data "ui_lang=ru&iin=$A"
check "a form without its token: 403" eq "$STATUS" 403

http GET /api/v1/moderation/flags -H "Authorization: Bearer $moderator"
check "moderators list open flags" eq "$STATUS $(json "[.items[] | select(.flag == $flag) | .proposal] | .[0]")" "200 $p2"
check "with the proposal's text" eq "$(json "[.items[] | select(.flag == $flag) | .detail.text] | .[0]")" "Модерация $run: второе"
check "the form's flag, from the web" eq "$(json "[.items[] | select(.proposal == $p1) | .channel] | .[0]")" web
flag1=$(json "[.items[] | select(.proposal == $p1) | .flag] | .[0]")
http GET /api/v1/moderation/flags -H "Authorization: Bearer $staff"
check "staff may read them too" eq "$STATUS" 200
http GET "/api/v1/moderation/flags?status=maybe" -H "Authorization: Bearer $staff"
check "status=maybe: 422" eq "$STATUS $(json .error.code)" "422 invalid_status"
act "$staff" "flags/$flag/resolve" '{"decision":"hide","reason":"x"}'
check "staff may not resolve: 403" eq "$STATUS" 403
act "$moderator" "flags/$flag/resolve" '{"decision":"maybe","reason":"x"}'
check "a bad decision: 422" eq "$STATUS $(json .error.code) $(json .error.field)" "422 invalid_decision decision"
act "$moderator" "flags/$flag/resolve" '{"reason":"x"}'
check "no decision: 422 required" eq "$STATUS $(json .error.code) $(json .error.field)" "422 required decision"
act "$moderator" "flags/999999999999/resolve" '{"decision":"keep","reason":"x"}'
check "an unknown flag: 404" eq "$STATUS" 404
act "$moderator" "flags/$flag/resolve" '{"decision":"hide","reason":"confirmed: filed in a stolen name"}'
check "resolved by hiding" eq "$STATUS $(json .decision) $(json .status) $(json .changed)" "200 hide hidden true"
act "$moderator" "flags/$flag/resolve" '{"decision":"keep","reason":"again"}'
check "resolving again: unchanged" eq "$STATUS $(json .changed) $(json .decision)" "200 false hide"
act "$moderator" "flags/$flag1/resolve" '{"decision":"keep","reason":"the person withdrew the report"}'
check "resolved by keeping" eq "$STATUS $(json .decision) $(json .status)" "200 keep published"
cache_settles
http GET "/api/v1/proposals/$p2"
check "the flagged proposal is hidden" eq "$STATUS" 404
http GET "/api/v1/moderation/flags" -H "Authorization: Bearer $moderator"
check "no longer open" eq "$(json "[.items[] | select(.flag == $flag or .flag == $flag1)] | length")" 0
http GET "/api/v1/moderation/flags?status=resolved" -H "Authorization: Bearer $moderator"
check "listed as resolved" eq "$(json "[.items[] | select(.flag == $flag) | .decision] | .[0]")" hide
http GET "/api/v1/moderation/log?after=$((hide_log - 1))" -H "Authorization: Bearer $staff"
check "both resolutions in the log" eq "$(json "[.items[] | select(.action == \"flag_resolve\" and (.flag == $flag or .flag == $flag1)) | \"\\(.decision):\\(.affected)\"] | join(\" \")")" "hide:1 keep:0"

# No raw IIN anywhere: not in the moderation tables, not in the handler's log.
dump=$(sql -c "SELECT row_to_json(x)::text FROM kenes.identity_flag x UNION ALL SELECT row_to_json(y)::text FROM kenes.identity_report_attempt y UNION ALL SELECT row_to_json(z)::text FROM kenes.moderation_log z")
for person in "$A" "$B" "$E"; do
	check "IIN ${person:0:4}… not stored" lacks "$dump" "$person"
	check "IIN ${person:0:4}… not logged" not grep -q "$person" "${KENES_HANDLER_LOG:-/dev/null}"
done
check "no token in the handler's log" not grep -q "${moderator:4}" "${KENES_HANDLER_LOG:-/dev/null}"

# Everything above, counted: the next refresh equals the raw rows and the recount.
agg refresh 2>/dev/null
check "final tallies equal the raw rows" eq "$(tally)" "$(raw)"
check "final recount agrees" agrees

finish
