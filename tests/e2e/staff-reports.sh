#!/usr/bin/env bash
# Reports, a proposal's history and the audit log in the staff workspace (docs/STAFF.md,
# fcgi/staff_reports.c, staff_history.c, staff_audit.c): staff add a Commission session (its
# title hostile), are refused a duplicate or one out of order, issue its report after a
# confirmation, the next refresh issues it, and every rendering downloads as the bytes stored,
# with their SHA-256; a proposal's history shows its moderation entries (not to analysts, who
# see published proposals only); the audit log pages by id and its CSV equals an SQL select.
# The sessions belong to a consultation of this suite's own (closed), so that no other suite's
# sessions, which must go up in number and date together, are in the way. Who may use the rows
# at all is staff-auth.sh's matrix. Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
run=$$-$RANDOM
slug=sr-$$-$RANDOM
jar=$_tmp/jar
ajar=$_tmp/analyst

# Opened three days ago: a refresh would otherwise issue a report for each of its weeks.
opens=$(echo "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date - 3" | sql)
doc=$(jq --arg s "$slug" --arg o "${opens}T00:00:00+05:00" '.slug = $s | .status = "closed" | .opens_at = $o' \
	"$root/sql/data/constitution-2026.json")
echo "SELECT kenes.consultation_load(:'doc'::jsonb)" | sql -v doc="$doc" >/dev/null
cid=$(echo "SELECT id FROM kenes.consultation WHERE slug = :'s'" | sql -v s="$slug")
check "a consultation of the suite's own" test -n "$cid"
agg refresh >/dev/null 2>&1
today=$(echo "SELECT (now() AT TIME ZONE time_zone)::date FROM kenes.tally_state" | sql)

staff=$(agg token create --role staff --name "e2e staff-reports $run")
analyst=$(agg token create --role analyst --name "e2e staff-reports analyst $run")
moderator=$(agg token create --role moderator --name "e2e staff-reports moderator $run")
sign_in() { # JAR TOKEN
	http GET '/staff/sign-in?lang=en'
	local ft
	ft=$(printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')
	http POST '/staff/sign-in?lang=en' -c "$1" --data-urlencode "form_token=$ft" --data-urlencode "token=$2"
}
sign_in "$jar" "$staff"
check "staff signed in" eq "$STATUS" 303
sign_in "$ajar" "$analyst"
q="lang=en&consultation=$slug"
http GET "/staff/reports?$q" -b "$jar"
check "the reports page: 200" eq "$STATUS" 200
check "no sessions yet" contains "$BODY" "No sessions yet."
check "the form suggests number 1" contains "$BODY" 'name="number" inputmode="numeric" required size="6" value="1"'
csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
check "and the session's form token" test -n "$csrf"
post() { http POST "$1" -b "$jar" --data-urlencode "csrf=$csrf" "${@:2}"; }

# --- adding a session
title="<script>alert(1)</script> Сессия \"$run\" & co"
post "/staff/reports/sessions?$q" --data "number=1&date=$today" --data-urlencode "title=$title"
check "session added: 303 back to its row" eq "$STATUS $(header Location)" "303 /staff/reports?$q#session-1"
check "recorded as given" eq "$(echo "SELECT held_on || ' ' || title FROM kenes.commission_session WHERE consultation_id = $cid AND number = 1" | sql)" "$today $title"
check "in the audit log, with what was recorded" \
	eq "$(echo "SELECT count(*) FROM kenes.staff_audit WHERE event = 'session_add' AND detail->>'title' = :'t' AND (detail->>'session')::int = 1" | sql -v t="$title")" 1
post "/staff/reports/sessions?$q" --data "number=1&date=2026-03-01&title=again"
check "the same number again: 409" eq "$STATUS" 409
post "/staff/reports/sessions?$q" --data "number=2&date=2026-03-01&title=earlier"
check "a later number on an earlier date: 422" eq "$STATUS" 422
check "... which says why" contains "$BODY" "out of order"
post "/staff/reports/sessions?$q" --data "number=2&date=2026-02-31&title=x"
check "a day that does not exist: 422" eq "$STATUS" 422
post "/staff/reports/sessions?$q" --data "number=2&date=2099-01-01" --data-urlencode "title=$(printf 'two\nlines')"
check "a title of two lines: 422" eq "$STATUS" 422
post "/staff/reports/sessions?$q"
check "an empty form: back to the list" eq "$STATUS $(header Location)" "303 /staff/reports?$q"
http POST "/staff/reports/sessions?$q" -b "$jar" --data "number=2&date=2099-01-01&title=x"
check "without the form token: 403" eq "$STATUS" 403
http GET "/staff/reports?$q" -b "$jar"
check "the title shows as text" contains "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt; Сессия &quot;$run&quot; &amp; co"
check "... never as markup" lacks "$BODY" "<script>alert(1)"
check "a draft, with the issue button" contains "$BODY" "action=\"/staff/reports/sessions/1/issue?lang=en&amp;consultation=$slug\""

# --- issuing it: a confirmation first, then a request the next refresh carries out
post "/staff/reports/sessions/1/issue?$q"
check "a confirmation: 200" eq "$STATUS" 200
check "it counts the renderings it will freeze" contains "$BODY" "and JSON): <strong>10</strong>"
check "and the period's proposals" contains "$BODY" "Proposals: <strong>"
check "the title escaped there too" contains "$BODY" "&lt;script&gt;alert(1)"
check "nothing requested yet" eq "$(echo "SELECT count(*) FROM kenes.report_request WHERE consultation_id = $cid" | sql)" 0
post "/staff/reports/sessions/1/issue?$q" --data "confirm=yes"
check "confirmed: 303 back to its row" eq "$STATUS $(header Location)" "303 /staff/reports?$q#session-1"
check "a request for the aggregator" eq "$(echo "SELECT count(*) FROM kenes.report_request WHERE consultation_id = $cid AND session_number = 1" | sql)" 1
check "in the audit log" eq "$(echo "SELECT count(*) FROM kenes.staff_audit a JOIN kenes.staff_token t ON t.id = a.token_id WHERE a.event = 'report_issue' AND t.name = :'n' AND (a.detail->>'consultation')::int = $cid" | sql -v n="e2e staff-reports $run")" 1
http GET "/staff/reports?$q" -b "$jar"
check "shown as requested" contains "$BODY" "<strong>Requested</strong>"
post "/staff/reports/sessions/99/issue?$q" --data "confirm=yes"
check "an unknown session: 404" eq "$STATUS" 404
agg refresh >/dev/null 2>&1
rid=$(echo "SELECT id FROM kenes.report WHERE consultation_id = $cid AND kind = 'session' AND session_number = 1" | sql)
check "the next refresh issued it" test -n "$rid"
check "with every rendering" eq "$(echo "SELECT count(*) FROM kenes.report_output WHERE report_id = '$rid'" | sql)" 10
http GET "/staff/reports?$q" -b "$jar"
check "shown as issued" contains "$BODY" '<strong class="issued">Issued</strong>'
check "with each rendering's SHA-256" \
	eq "$(printf '%s' "$BODY" | grep -c "$(echo "SELECT string_agg(sha256, '\\|') FROM kenes.report_output WHERE report_id = '$rid'" | sql)")" 10
post "/staff/reports/sessions/1/issue?$q"
check "issued already: no confirmation, back to the list" eq "$STATUS" 303

# --- the downloads: the stored bytes, as the CLI writes them
declare -A type=([html]="text/html; charset=utf-8" [csv]="text/csv; charset=utf-8" [json]="application/json" [md]="text/markdown; charset=utf-8")
for format in html csv json md; do
	for lang in kk ru en; do
		[ "$format" = json ] && [ "$lang" != ru ] && continue
		stored=$([ "$format" = json ] && echo mul || echo "$lang")
		http GET "/staff/reports/$rid?format=$format&lang=$lang" -b "$jar"
		curl -s -o "$_tmp/got" -b "$jar" "$BASE_URL/staff/reports/$rid?format=$format&lang=$lang"
		agg report --consultation "$slug" --session 1 --format "$format" --lang "$lang" --out "$_tmp/cli" 2>/dev/null
		sha=$(echo "SELECT sha256 FROM kenes.report_output WHERE report_id = '$rid' AND format = '$format' AND lang = '$stored'" | sql)
		check "$format $lang: 200 $format" eq "$STATUS $(header Content-Type)" "200 ${type[$format]}"
		check "$format $lang: a download" eq "$(header Content-Disposition)" "attachment; filename=\"kenes-$slug-session-1-$stored.$format\""
		check "$format $lang: the bytes the CLI writes" cmp "$_tmp/got" "$_tmp/cli"
		check "$format $lang: their SHA-256 is the stored one" eq "$(sha256sum <"$_tmp/got" | cut -d' ' -f1)" "$sha"
		check "$format $lang: and the header's" eq "$(header X-Kenes-Report-Sha256)" "$sha"
	done
done
http GET "/staff/reports/$rid?format=pdf" -b "$jar"
check "an unknown format: 422" eq "$STATUS" 422
http GET "/staff/reports/999999?format=csv" -b "$jar"
check "an unknown report: 404" eq "$STATUS" 404
http GET "/staff/reports/$rid?format=csv" -b "$ajar"
check "analysts may not download from here: 403" eq "$STATUS" 403

# --- a proposal's history
http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
	"$(jq -cn --arg t "History <b>$run</b>" '{consultation: "constitution-2026", target: "article:64", stance: "amend", text: $t, lang: "ru", region: "KZ-71"}')"
p=$(json .id)
check "a proposal" test -n "$p"
http POST "/api/v1/moderation/proposals/$p/hide" -H "Authorization: Bearer $moderator" -H 'Content-Type: application/json' \
	--data "$(jq -cn --arg r "hidden <i>$run</i>" '{reason: $r}')"
check "hidden by a moderator" eq "$STATUS" 200
http GET "/staff/proposals/$p?lang=en" -b "$jar"
check "its history: 200" eq "$STATUS" 200
check "the text as text" contains "$BODY" "History &lt;b&gt;$run&lt;/b&gt;"
check "the moderation entry, with its reason" contains "$BODY" "<td>hide</td><td>hidden &lt;i&gt;$run&lt;/i&gt;</td>"
check "the moderator named" contains "$BODY" "<td>e2e staff-reports moderator $run</td>"
check "and the identity reports' section" contains "$BODY" "Identity reports"
http GET "/staff/proposals/$p?lang=en" -b "$ajar"
check "hidden: not there for an analyst" eq "$STATUS" 404
http POST "/api/v1/moderation/proposals/$p/unhide" -H "Authorization: Bearer $moderator" -H 'Content-Type: application/json' --data '{"reason":"back"}'
http GET "/staff/proposals/$p?lang=en" -b "$ajar"
check "published again: an analyst sees it" eq "$STATUS" 200
check "... without the moderation log" lacks "$BODY" "Moderation log"
http GET "/staff/proposals/$p?lang=kk" -b "$jar"
check "in Kazakh too" contains "$BODY" "Модерация журналы"
http GET "/staff/proposals?lang=en&q=History" -b "$jar"
check "the search links each result to its history" contains "$BODY" "href=\"/staff/proposals/$p?lang=en\""
http GET "/staff/proposals/999999999?lang=en" -b "$jar"
check "an unknown proposal: 404" eq "$STATUS" 404

# --- the audit log: pages by id, and the CSV is the SQL select
echo "INSERT INTO kenes.staff_audit (event, address) SELECT 'sign_in_failed', '192.0.2.' || (g % 200) FROM generate_series(1, 1200) g" | sql
http GET "/staff/audit?lang=en" -b "$jar"
check "the audit log: 200" eq "$STATUS" 200
check "a hundred entries a page" eq "$(printf '%s' "$BODY" | grep -c '^<tr><td>')" 100
next=$(printf '%s' "$BODY" | sed -n 's/.*after=\([0-9]*\)">Next.*/\1/p')
first=$(echo "SELECT min(id) FROM kenes.staff_audit" | sql)
check "the next page starts after the hundredth" eq "$next" "$(echo "SELECT id FROM kenes.staff_audit ORDER BY id OFFSET 99 LIMIT 1" | sql)"
http GET "/staff/audit?lang=en&log=staff&after=$next" -b "$jar"
check "... and shows the next entry first" contains "$(printf '%s' "$BODY" | grep -m1 '^<tr><td>')" "<tr><td>$(echo "SELECT min(id) FROM kenes.staff_audit WHERE id > $next" | sql)</td>"
http GET "/staff/audit?lang=en&from=2099-01-01" -b "$jar"
check "a period with nothing in it" contains "$BODY" "No entries."
http GET "/staff/audit?lang=en&from=2026-02-31" -b "$jar"
check "a day that does not exist: 422" eq "$STATUS" 422
cmp_csv() { # URL SQL: the CSV download equals psql's CSV of the select, formula marks aside
	curl -s -o "$_tmp/audit.csv" -D "$_tmp/audit.h" -b "$jar" "$BASE_URL$1"
	psql -X -q --csv -v ON_ERROR_STOP=1 -d "$KENES_ADMIN_URL" -c "$2" >"$_tmp/sql.csv"
	python3 - "$_tmp/audit.csv" "$_tmp/sql.csv" <<-'PY'
		import csv, sys
		got = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
		want = [[("'" + v) if v[:1] in ('=', '+', '-', '@', '\t', '\r') else v for v in row]
		        for row in csv.reader(open(sys.argv[2], newline='', encoding='utf-8'))]
		sys.exit(0 if got == want and len(got) > 1 else print(len(got), len(want), got[:2], want[:2]) or 1)
	PY
}
check "the staff audit CSV is the SQL select (> 64 KiB: sent in pieces)" \
	cmp_csv "/staff/audit?format=csv&log=staff" "SELECT * FROM kenes.staff_audit_list(NULL, NULL, 0, 2147483647)"
check "... as an attachment" grep -q 'Content-Disposition: attachment; filename="kenes-staff-log.csv"' "$_tmp/audit.h"
check "... bigger than one piece" test "$(stat -c %s "$_tmp/audit.csv")" -gt 65536
# The logs' days are UTC days (the page says so), not the tallies' zone's: yesterday and today
# in UTC hold every entry of this run, whatever the clock.
utc_from=$(echo "SELECT (now() AT TIME ZONE 'UTC')::date - 1" | sql)
utc_to=$(echo "SELECT (now() AT TIME ZONE 'UTC')::date" | sql)
check "the moderation log CSV, for a period, is the SQL select" \
	cmp_csv "/staff/audit?format=csv&log=moderation&from=$utc_from&to=$utc_to" \
	"SELECT l.id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS at, l.token_id, l.actor, l.role, l.action, l.proposal_id, l.campaign_id, l.duplicate_of, l.flag_id, l.decision, l.affected, l.reason, l.sso_subject FROM kenes.moderation_log l WHERE l.at >= '$utc_from'::date::timestamp AT TIME ZONE 'UTC' AND l.at < ('$utc_to'::date + 1)::timestamp AT TIME ZONE 'UTC' ORDER BY l.id"
http GET "/staff/audit?lang=en&log=moderation" -b "$jar"
check "the moderation log links proposals to their history" contains "$BODY" "href=\"/staff/proposals/$p?lang=en\""
http GET "/staff/audit?lang=en" -b "$ajar"
check "not for analysts: 403" eq "$STATUS" 403

# Every string of the new pages is translated: lang_tr would show a missing one as its key.
for lang in kk ru en; do
	for page in "/staff/reports?lang=$lang&consultation=$slug" "/staff/proposals/$p?lang=$lang" \
		"/staff/audit?lang=$lang&log=moderation" "/staff/reports/999999?lang=$lang"; do
		http GET "$page" -b "$jar"
		check "$page: no untranslated key" not grep -qE '(staff|field|view|proposal|notfound)\.[a-z_]+' <<<"$(sed 's/<[^>]*>//g' <<<"$BODY")"
	done
done
finish
