#!/usr/bin/env bash
# Positions in the staff workspace (docs/STAFF.md "Positions", fcgi/staff_positions.c), as a
# token session: a position made on the page with proposals named by id, more assigned, one
# unassigned, texts edited, a disposition recorded, a split and a merge confirmed first, a
# suggestion accepted and one rejected; the public table and the API show what the page did,
# the log names the token, and the page's counts equal an SQL recount. Refusals show as pages
# in the page's language. Under the single sign-on: tests/e2e/sso.sh. Who may use the rows at
# all: staff-auth.sh's matrix. Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
run=$$-$RANDOM
jar=$_tmp/jar
C=constitution-2026
T=article:66 # a part no other suite writes about
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }

staff=$(agg token create --role staff --name "e2e staff-positions $run")
propose() { # STANCE TEXT: prints the new proposal's id
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$(jq -cn --arg t "$2" \
		--arg s "$1" --arg target "$T" '{consultation: "constitution-2026", target: $target, stance: $s, text: $t, lang: "ru"}')"
	json .id
}
p1=$(propose support "За статью $run, всё верно.")
p2=$(propose oppose "Против статьи $run: <b>нет</b>.")
p3=$(propose oppose "Против, иначе $run.")
p4=$(propose amend "Дополнить статью $run.")
check "four proposals" test -n "$p1" -a -n "$p2" -a -n "$p3" -a -n "$p4"

http GET '/staff/sign-in?lang=en'
ft=$(printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')
http POST '/staff/sign-in?lang=en' -c "$jar" --data-urlencode "form_token=$ft" --data-urlencode "token=$staff"
check "staff signed in" eq "$STATUS" 303
http GET "/staff/positions?lang=en&consultation=$C" -b "$jar"
check "the positions page: 200" eq "$STATUS" 200
check "with the form for a new position" contains "$BODY" 'action="/staff/positions?lang=en"'
check "its parts to choose from" contains "$BODY" "<option value=\"$T\">"
check "and a link in the navigation" contains "$BODY" '<a href="/staff/positions?lang=en">Positions</a>'
csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
post() { http POST "$1" -b "$jar" --data-urlencode "csrf=$csrf" "${@:2}"; }
logged() { # POSITION: its log as "action actor role affected", oldest first
	echo "SELECT string_agg(action || ' ' || actor || ' ' || role || ' ' || affected || ' ' || (token_id IS NOT NULL AND sso_subject IS NULL), ',' ORDER BY id) FROM kenes.position_log WHERE position_id = $1" | sql
}

# --- a new position with two proposals
post "/staff/positions?lang=en" --data "consultation=$C&part=$T" --data-urlencode "label_ru=Против $run <i>" \
	--data-urlencode "proposals=$p2, $p3" --data-urlencode "reason=read them"
loc=$(header Location)
pos=$(sed -n 's|^/staff/positions/\([0-9]*\)?lang=en$|\1|p' <<<"$loc")
check "created: 303 to the new position" test -n "$pos"
check "logged as created and assigned, under the token" eq "$(logged "$pos")" \
	"create e2e staff-positions $run staff 0 true,assign e2e staff-positions $run staff 2 true"
post "/staff/positions?lang=en" --data "consultation=$C&part=$T&reason=x"
check "without a label: 422, said so" eq "$STATUS $(grep -c 'A label is required' <<<"$BODY")" "422 1"
post "/staff/positions?lang=ru" --data "consultation=$C&part=$T&label_ru=x"
check "without a reason: 422, in Russian" eq "$STATUS $(grep -c 'Укажите причину' <<<"$BODY")" "422 1"
post "/staff/positions/$pos/assign?lang=en" --data "proposals=12x&reason=r"
check "an id that is no number: 422" eq "$STATUS" 422
http POST "/staff/positions/$pos/assign?lang=en" -b "$jar" --data "proposals=$p1&reason=r"
check "without the form token: 403" eq "$STATUS" 403
post "/staff/positions/$pos/assign?lang=en"
check "an empty form: back to the position" eq "$STATUS $(header Location)" "303 /staff/positions/$pos?lang=en"

# --- assign, unassign (checkbox fields), edit, disposition
post "/staff/positions/$pos/assign?lang=en" --data "id=$p1&id=$p4&reason=more"
check "assigned: 303 back" eq "$STATUS $(header Location)" "303 /staff/positions/$pos?lang=en"
post "/staff/positions/$pos/unassign?lang=en" --data "proposals=$p1&reason=not this one"
check "unassigned" eq "$STATUS" 303
post "/staff/positions/$pos/edit?lang=en" --data-urlencode "label_ru=Против $run <i>" \
	--data-urlencode "label_en=Against $run" --data "label_kk=&summary_ru=&summary_kk=&summary_en=&reason=en"
check "edited" eq "$STATUS" 303
post "/staff/positions/$pos/disposition?lang=en" --data "decision=partly&target=" \
	--data-urlencode "decision_reason_ru=Учтено частично $run" --data "reason=session 3"
check "disposition recorded" eq "$STATUS" 303
post "/staff/positions/$pos/disposition?lang=en" --data "decision=not_accepted&target=article:1&reason=x"
check "a target for one not accepted: 422" eq "$STATUS" 422
http GET "/api/v1/positions/$pos" -H "Authorization: Bearer $staff"
check "the API shows it: decision, members, texts" eq "$(json '.decision + " " + (.proposals | map(tostring) | join(",")) + " " + .label.en')" \
	"partly $p2,$p3,$p4 Against $run"
check "the log names the token for every action" eq "$(logged "$pos" | tr ',' '\n' | awk '{print $1, $NF}' | paste -sd,)" \
	"create true,assign true,assign true,unassign true,edit true,disposition true"
http GET "/staff/positions/$pos?lang=en" -b "$jar"
check "the position's page" eq "$STATUS" 200
check "its label shows as text" contains "$BODY" "Против $run &lt;i&gt;"
check "its members" contains "$BODY" "<a href=\"/staff/proposals/$p4?lang=en\">#$p4</a>"
check "its log" contains "$BODY" "<td>e2e staff-positions $run (staff)</td><td>Disposition</td>"
check "the decision selected in its form" contains "$BODY" '<option value="partly" selected>'
http GET "/staff/positions/$pos?lang=kk" -b "$jar"
check "in Kazakh" contains "$BODY" 'Ішінара қабылданды'

# --- the counts: the page's, the public table's and an SQL recount
recount=$(echo "SELECT count(*) || ' ' || count(*) FILTER (WHERE x.stance = 'oppose') || ' ' || count(*) FILTER (WHERE x.stance = 'amend')
	FROM kenes.position_placement pl JOIN kenes.proposal x ON x.id = pl.proposal_id AND x.status = 'published'
	JOIN kenes.position p ON p.id = pl.position_id AND p.part_id = pl.part_id WHERE p.id = $pos" | sql)
check "the recount" eq "$recount" "3 2 1"
http GET "/staff/positions?lang=en&consultation=$C" -b "$jar"
row=$(printf '%s' "$BODY" | grep -o "<tr id=\"position-$pos\">.*</tr>" | head -n 1)
check "the page's row: decision and counts" eq \
	"$(sed 's/<[^>]*>/ /g' <<<"$row" | tr -s ' ' | sed 's/^ //;s/ $//')" \
	"#$pos Against $run Partly accepted Proposals 3 Distinct texts 3 People 0 Supports 0 I support it 0 I oppose it 2 I propose a change 1"
http GET "/api/v1/comparative-table?consultation=$C"
check "the public table has the same" eq \
	"$(json ".parts[] | select(.part == \"$T\") | .positions[] | select(.id == $pos) | [.decision, .counts.proposals, .counts.stances.oppose.proposals, .counts.stances.amend.proposals] | map(tostring) | join(\" \")")" \
	"partly 3 2 1"

# --- split, then merge back: each confirmed first
post "/staff/positions/$pos/split?lang=en" --data "proposals=$p4&label_en=Amend $run&reason=apart"
check "split: a confirmation first" eq "$STATUS $(grep -c 'name="confirm" value="yes"' <<<"$BODY")" "200 1"
check "nothing split yet" eq "$(logged "$pos" | grep -c split)" 0
post "/staff/positions/$pos/split?lang=en" --data "proposals=$p4&label_en=Amend $run&reason=apart&confirm=yes"
new=$(sed -n 's|^/staff/positions/\([0-9]*\)?lang=en$|\1|p' <<<"$(header Location)")
check "confirmed: 303 to the new position" test -n "$new" -a "$new" != "$pos"
post "/staff/positions/$new/merge?lang=en" --data "into=$pos&reason=together&confirm=yes"
check "merged back: 303 to the position it went into" eq "$STATUS $(header Location)" "303 /staff/positions/$pos?lang=en"
post "/staff/positions/$new/assign?lang=en" --data "proposals=$p1&reason=r"
check "a merged position takes nothing: 409" eq "$STATUS $(grep -c 'merged into another' <<<"$BODY")" "409 1"
http GET "/staff/positions/$new?lang=en" -b "$jar"
check "its page says where it went, without forms" eq "$(grep -c "This position was merged into <a href=\"/staff/positions/$pos?lang=en\">" <<<"$BODY") $(grep -c '/assign?' <<<"$BODY")" "1 0"

# --- suggestions: one accepted, one rejected
sid() { echo "WITH s AS (INSERT INTO kenes.suggestion (consultation_id, part_id, proposals, cohesion)
		SELECT x.consultation_id, x.part_id, 1, 0.5 FROM kenes.proposal x WHERE x.id = $1 RETURNING id),
	m AS (INSERT INTO kenes.suggestion_member (suggestion_id, proposal_id) SELECT s.id, $1 FROM s)
	SELECT id FROM s" | sql; }
s1=$(sid "$p1")
s2=$(sid "$p1")
check "two suggestions" test -n "$s1" -a -n "$s2"
http GET "/staff/positions?lang=en&consultation=$C" -b "$jar"
check "listed with their forms" contains "$BODY" "action=\"/staff/positions/suggestions/$s1/accept?lang=en\""
post "/staff/positions/suggestions/$s2/reject?lang=en" --data "consultation=$C&reason=no"
check "rejected: back to the list" eq "$STATUS $(header Location)" "303 /staff/positions?lang=en&consultation=$C"
post "/staff/positions/suggestions/$s1/accept?lang=en" --data "consultation=$C&label_en=Accepted $run&reason=yes"
acc=$(sed -n 's|^/staff/positions/\([0-9]*\)?lang=en$|\1|p' <<<"$(header Location)")
check "accepted: 303 to its new position" test -n "$acc"
check "with its member" eq "$(echo "SELECT string_agg(proposal_id::text, ',') FROM kenes.position_placement WHERE position_id = 0$acc" | sql)" "$p1"
post "/staff/positions/suggestions/$s2/accept?lang=en" --data "consultation=$C&label_en=x&reason=yes"
check "a decided suggestion: 409" eq "$STATUS" 409
# --- a new position from a selection of a proposal search on one part
http GET "/staff/proposals?lang=en&consultation=$C&target=$T" -b "$jar"
check "the search on one part: a form for a new position around its results" \
	eq "$(grep -c -e '<form method="post" action="/staff/positions?lang=en">' -e "name=\"id\" value=\"$p1\"" -e "name=\"part\" value=\"$T\"" <<<"$BODY")" 3
http GET "/staff/proposals?lang=en&consultation=$C" -b "$jar"
check "not without a part" lacks "$BODY" 'action="/staff/positions?lang=en"'
post "/staff/positions?lang=en" --data "consultation=$C&part=$T&id=$p1&id=$p4&label_en=Ticked $run&reason=picked"
sel=$(sed -n 's|^/staff/positions/\([0-9]*\)?lang=en$|\1|p' <<<"$(header Location)")
check "made of the proposals ticked" eq "$(echo "SELECT string_agg(proposal_id::text, ',' ORDER BY proposal_id) FROM kenes.position_placement WHERE position_id = 0$sel" | sql)" "$p1,$p4"
finish
