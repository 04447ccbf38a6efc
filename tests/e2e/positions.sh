#!/usr/bin/env bash
# Positions and the comparative table through real nginx: the staff API (roles, every
# action, the log), the public table as JSON, CSV (Excel-safe) and HTML (kk/ru/en, escaped,
# cacheable), its counts against a plain-SQL recount, hidden proposals left out, suggestions
# accepted, edited and rejected (docs/POSITIONS.md).
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
C=constitution-2026
T=article:77 # parts no other suite writes about (the browser test has article:88)
T2=article:78
run=$$-$RANDOM

staff=$(agg token create --role staff --name "e2e positions staff $run" 2>/dev/null)
analyst=$(agg token create --role analyst --name "e2e positions analyst $run" 2>/dev/null)
moderator=$(agg token create --role moderator --name "e2e positions moderator $run" 2>/dev/null)
check "tokens created" test -n "$staff" -a -n "$analyst" -a -n "$moderator"
V=$(echo "SELECT v.number FROM kenes.draft_version v JOIN kenes.consultation c ON c.id = v.consultation_id
          WHERE c.slug = '$C' AND v.is_current" | sql)

act() { # TOKEN PATH BODY
	http POST "/api/v1/positions$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
		--data-binary "$3"
}
propose() { # TARGET STANCE TEXT [IIN]: prints the new proposal's id
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$(jq -cn --arg t "$3" \
		--arg target "$1" --arg s "$2" --arg iin "${4:-}" '{consultation: "constitution-2026", target: $target,
		stance: $s, text: $t, lang: "ru", region: "KZ-71"} + (if $iin == "" then {} else {iin: $iin} end)')"
	json .id
}

p1=$(propose $T support "Поддерживаю статью о местном самоуправлении $run, всё верно.")
p2=$(propose $T oppose "Против: акимы должны избираться $run, а не назначаться." "$(iin 7781)")
p3=$(propose $T oppose "Акимов нужно выбирать на выборах $run.")
p4=$(propose $T amend "Дополнить статью словами о бюджете $run.")
p5=$(propose $T amend "=HYPERLINK(\"http://x\") бюджет $run")
p6=$(propose $T2 support "Статья 89 хороша $run.")
check "six proposals" test -n "$p1" -a -n "$p2" -a -n "$p3" -a -n "$p4" -a -n "$p5" -a -n "$p6"

# --- roles ---------------------------------------------------------------------------
http GET "/api/v1/positions?consultation=$C"
check "no token: 401" eq "$STATUS $(json .error.code)" "401 unauthorized"
act "" "" '{}'
check "no token on a write: 401" eq "$STATUS" 401
http GET "/api/v1/positions?consultation=$C" -H "Authorization: Bearer $analyst"
check "an analyst: 403" eq "$STATUS $(json .error.code)" "403 forbidden"
act "$moderator" "" '{"reason":"x"}'
check "a moderator may not write: 403" eq "$STATUS" 403
http GET "/api/v1/positions/suggestions?consultation=$C" -H "Authorization: Bearer $moderator"
check "nor read suggestions: 403" eq "$STATUS" 403

# --- create, edit ----------------------------------------------------------------------
act "$staff" "" "{\"consultation\":\"$C\",\"version\":$V,\"part\":\"$T\",\"reason\":\"r\"}"
check "a position needs a label: 422" eq "$STATUS $(json '.errors[0].code') $(json '.errors[0].field')" "422 label_required label"
act "$staff" "" "{\"consultation\":\"$C\",\"part\":\"$T\",\"label\":{\"ru\":\"x\"}}"
check "and a reason: 422" eq "$STATUS $(json '.errors[0].code')" "422 reason_required"
act "$staff" "" "{\"consultation\":\"$C\",\"part\":\"article:999\",\"label\":{\"ru\":\"x\"},\"reason\":\"r\"}"
check "an unknown part: 422" eq "$STATUS $(json '.errors[0].code')" "422 unknown_part"
act "$staff" "" 'not json'
check "a body that is not JSON: 400" eq "$STATUS" 400
http POST /api/v1/positions -H "Authorization: Bearer $staff" --data '{"reason":"x"}'
check "not application/json: 415" eq "$STATUS" 415
act "$staff" "" "{\"consultation\":\"$C\",\"version\":$V,\"part\":\"$T\",\"label\":{\"ru\":\"Выборность акимов\",\"en\":\"=Elected akims <b>\"},\"summary\":{\"ru\":\"Акимов избирать\"},\"reason\":\"first reading\"}"
check "create: 201" eq "$STATUS" 201
A=$(json .id)
check "its part" eq "$(json .part)" "$T"
act "$staff" "" "{\"consultation\":\"$C\",\"part\":\"$T\",\"label\":{\"kk\":\"Бюджет\"},\"reason\":\"budget\"}"
B=$(json .id)
act "$staff" "/$A/edit" '{"summary":{"en":"Akims elected"},"reason":"english"}'
check "edit keeps the other texts" eq "$(json '.summary.ru + "|" + .summary.en + "|" + .label.ru')" "Акимов избирать|Akims elected|Выборность акимов"

# --- assign: by list, by a search, moves --------------------------------------------
act "$staff" "/$A/assign" "{\"proposals\":[$p2, $p1],\"reason\":\"list\"}"
check "assign a list" eq "$STATUS $(json .members) $(json .affected)" "200 2 2"
act "$staff" "/$A/assign" "{\"filter\":{\"q\":\"ВЫБОР\",\"stance\":\"oppose\"},\"reason\":\"search\"}"
check "assign a search result (the second already in)" eq "$(json .members) $(json .affected)" "3 1"
act "$staff" "/$A/assign" "{\"proposals\":[1],\"reason\":\"x\"}"
check "a proposal of no consultation: 422" eq "$STATUS $(json '.errors[0].code')" "422 unknown_proposal"
act "$staff" "/$B/assign" "{\"proposals\":[$p1, $p4, $p5],\"reason\":\"move\"}"
check "moved from the other position" eq "$(json .members) $(json .affected)" "3 3"
http GET "/api/v1/positions/$A" -H "Authorization: Bearer $staff"
check "so it left the first" eq "$(json '.proposals | join(",")')" "$p2,$p3"
check "the log says who and why" eq "$(json '[.log[] | .action + ":" + .reason] | join(",")')" \
	"assign:search,assign:list,edit:english,create:first reading"
check "with the actor" eq "$(json '.log[0].actor')" "e2e positions staff $run"
act "$staff" "/$B/unassign" "{\"proposals\":[$p1],\"reason\":\"not about budget\"}"
check "unassign" eq "$(json .members)" 2

# --- split, merge ----------------------------------------------------------------------
act "$staff" "/$B/split" "{\"proposals\":[$p5],\"label\":{\"en\":\"Formula\"},\"reason\":\"split\"}"
check "split: 201, a new position" eq "$STATUS $(json .members)" "201 1"
S=$(json .id)
act "$staff" "/$S/merge" "{\"into\":$B,\"reason\":\"same thing\"}"
check "merge: the target has them all" eq "$STATUS $(json .id) $(json .members)" "200 $B 2"
act "$staff" "/$S/assign" "{\"proposals\":[$p1],\"reason\":\"x\"}"
check "a merged position takes nothing: 409" eq "$STATUS" 409
act "$staff" "/$A/merge" "{\"into\":$A,\"reason\":\"x\"}"
check "not into itself: 422" eq "$STATUS" 422

# --- dispositions ---------------------------------------------------------------------
act "$staff" "/$A/disposition" '{"decision":"maybe","reason":"x"}'
check "an unknown decision: 422" eq "$STATUS $(json '.errors[0].code')" "422 invalid_decision"
act "$staff" "/$A/disposition" '{"decision":"partly","target":"article:1","reason":"x"}'
check "a target of no later version: 422" eq "$STATUS $(json '.errors[0].code')" "422 unknown_target"
act "$staff" "/$A/disposition" '{"decision":"partly","decision_reason":{"ru":"Частично учтено","en":"Partly"},"reason":"session 3"}'
check "disposition" eq "$STATUS $(json .decision) $(json .decision_reason.ru)" "200 partly Частично учтено"
act "$staff" "/$B/disposition" '{"decision":"not_accepted","reason":"session 3"}'

# --- the table: JSON, counts, hidden proposals ----------------------------------------
echo "UPDATE kenes.proposal SET support_count = 5 WHERE id = $p3" | sql
http GET "/api/v1/comparative-table?consultation=$C&version=$V"
check "table: 200, public" eq "$STATUS $(header Cache-Control)" "200 public, max-age=1, stale-while-revalidate=1"
row() { json ".parts[] | select(.part == \"$T\") | .positions[] | select(.id == $1) | $2"; }
# People are distinct identified submitters, as in the tallies: the anonymous p3 is no person.
check "A: 2 proposals, 2 texts, 1 person (p3 is anonymous), 5 supports, 2 oppose" eq \
	"$(row "$A" '[.counts.proposals, .counts.texts, .counts.people, .counts.supports, .counts.stances.oppose.proposals] | join(" ")')" "2 2 1 5 2"
check "A's quotes: most supported, then the shortest other" eq "$(row "$A" '[.quotes.most_supported.id, .quotes.shortest.id] | join(" ")')" "$p3 $p2"
check "A's decision" eq "$(row "$A" '.decision + " " + .decision_reason.en')" "partly Partly"
check "the part's unplaced proposals" eq "$(json ".parts[] | select(.part == \"$T\") | .unplaced")" \
	"$(echo "SELECT count(*) FROM kenes.proposal x JOIN kenes.part p ON p.id = x.part_id AND p.version_id = x.version_id
	          WHERE kenes.part_target(p) = '$T' AND x.status = 'published'
	            AND x.version_id = (SELECT v.id FROM kenes.draft_version v JOIN kenes.consultation c ON c.id = v.consultation_id
	                                WHERE c.slug = '$C' AND v.is_current)
	            AND NOT EXISTS (SELECT FROM kenes.position_placement pl JOIN kenes.position po ON po.id = pl.position_id
	                            WHERE pl.proposal_id = x.id AND po.version_id = x.version_id)" | sql)"
echo "UPDATE kenes.proposal SET status = 'hidden' WHERE id = $p2" | sql
# the microcache's second and its stale one: within 3 s (docs/OPERATIONS.md "The read cache")
for _ in $(seq 16); do
	sleep 0.5
	http GET "/api/v1/comparative-table?consultation=$C&version=$V"
	[ "$(row "$A" '.counts.proposals')" = 1 ] && break
done
check "a hidden proposal counts nowhere (within the cache's 3 s)" eq "$(row "$A" '.counts.proposals')" 1
echo "UPDATE kenes.proposal SET status = 'published' WHERE id = $p2" | sql
http GET "/api/v1/comparative-table?consultation=no-such&version=1"
check "unknown consultation: 404" eq "$STATUS" 404
http GET "/api/v1/comparative-table?consultation=$C&format=xml"
check "unknown format: 422" eq "$STATUS" 422

# --- CSV: Excel-safe -------------------------------------------------------------------
http GET "/api/v1/comparative-table?consultation=$C&version=$V&format=csv&lang=en&bom=1"
check "CSV 200" eq "$STATUS $(header Content-Type)" "200 text/csv; charset=utf-8"
check "CSV starts with a BOM" eq "$(printf '%s' "$BODY" | head -c 3 | od -An -tx1 | tr -d ' ')" efbbbf
check "a label starting with = is neutralised" contains "$BODY" "'=Elected akims <b>"
check "a quote starting with = is neutralised" contains "$BODY" "\"'=HYPERLINK(\"\"http://x\"\")"
check "no cell starts with =" not grep -qE '(^|,)=' <<<"$BODY"
check "the unplaced row" contains "$BODY" "Proposals not yet in any position"

# --- HTML, three languages -----------------------------------------------------------
http GET "/consultations/$C/comparative-table?version=$V&lang=ru"
check "page 200" eq "$STATUS" 200
check "in Russian" contains "$BODY" "Сравнительная таблица"
check "the label" contains "$BODY" "Выборность акимов"
check "the decision" contains "$BODY" "Принято частично"
http GET "/consultations/$C/comparative-table?version=$V&lang=en"
check "escaped" contains "$BODY" "=Elected akims &lt;b&gt;"
check "in English" contains "$BODY" "Comparative table"
http GET "/consultations/$C/comparative-table?version=$V&lang=kk"
check "in Kazakh" contains "$BODY" "Салыстырмалы кесте"
http GET "/consultations/no-such/comparative-table"
check "unknown consultation page: 404" eq "$STATUS" 404

# --- suggestions: accept, edit, reject -------------------------------------------------
sug() { # PART PROPOSALS...: a suggestion as kenes-aggregator suggest would store it
	local part=$1
	shift
	echo "WITH s AS (INSERT INTO kenes.suggestion (consultation_id, part_id, proposals, cohesion)
	      SELECT x.consultation_id, x.part_id, $#, 0.5 FROM kenes.proposal x WHERE x.id = $1 RETURNING id)
	      INSERT INTO kenes.suggestion_member SELECT s.id, unnest(ARRAY[$(IFS=,; echo "$*")]::bigint[]) FROM s
	      RETURNING suggestion_id" | sql | head -1
}
s1=$(sug $T2 "$p6")
s2=$(sug $T2 "$p6")
s3=$(sug $T2 "$p6")
http GET "/api/v1/positions/suggestions?consultation=$C&part=$T2" -H "Authorization: Bearer $staff"
check "suggestions listed" eq "$STATUS $(json "[.[] | select(.id == $s1)] | length")" "200 1"
act "$staff" "/suggestions/$s1/accept" '{"label":{"ru":"Хорошая статья"},"reason":"read them"}'
check "accept: a position with its members" eq "$STATUS $(json .members) $(json .part)" "201 1 $T2"
act "$staff" "/suggestions/$s1/reject" '{"reason":"x"}'
check "decided once: 409" eq "$STATUS" 409
act "$staff" "/suggestions/$s2/edit" "{\"label\":{\"ru\":\"Иначе\"},\"proposals\":[$p6],\"reason\":\"edited\"}"
check "edit: accepted with changes" eq "$STATUS $(json .members)" "201 1"
act "$staff" "/suggestions/$s3/reject" '{"reason":"not one thing"}'
check "reject" eq "$STATUS $(json .decision)" "200 rejected"
check "every change is in the log" eq "$(echo "SELECT count(*) FROM kenes.position_log l JOIN kenes.staff_token t ON t.id = l.token_id
	WHERE t.name = 'e2e positions staff $run'" | sql)" 14
check "the log is append-only" not sql -c "DELETE FROM kenes.position_log" 2>/dev/null
http GET "/api/v1/positions?consultation=$C&version=$V&part=$T" -H "Authorization: Bearer $staff"
check "the list: the part's live positions" eq "$(json "[.[].id] | sort | join(\",\")")" "$A,$B"
finish
