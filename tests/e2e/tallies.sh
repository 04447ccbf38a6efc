#!/usr/bin/env bash
# The analyst and staff APIs through real nginx: GET /api/v1/tallies (analyst or staff
# token) and GET /api/v1/reports/... (staff token), 401/403 for everyone else, numbers that
# match the raw rows, reports byte for byte as the aggregator issued them.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
# The day (local) this suite began: a range "since then" still holds its proposals when
# midnight passes while it runs (tests/clocks.sh runs it a minute before one).
since=$(echo "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date" | sql)
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
# Other suites leave consultations of their own behind: name ours in every request.
C=constitution-2026
as() { # TOKEN PATH [curl args]: GET with a bearer token, for consultation $C
	local token=$1 path=$2
	shift 2
	case $path in *\?*) path="$path&consultation=$C" ;; *) path="$path?consultation=$C" ;; esac
	http GET "$path" -H "Authorization: Bearer $token" "$@"
}

# The routes must be wired (fcgi/routes.c); say so plainly when they are not.
http GET /api/v1/tallies
if [ "$STATUS" = 404 ] && [ "$(json .error.message)" = "no such resource" ]; then
	echo "FAIL [$SUITE] /api/v1/tallies is not routed: fcgi/routes.c needs the lines in docs/AGGREGATOR.md (\"Wiring\")"
	exit 1
fi

staff=$(agg token create --role staff --name "e2e staff" 2>/dev/null)
analyst=$(agg token create --role analyst --name "e2e analyst" 2>/dev/null)
moderator=$(agg token create --role moderator --name "e2e moderator" 2>/dev/null)
revoked=$(agg token create --role staff --name "e2e revoked" 2>/dev/null)
agg token revoke "$(echo "SELECT id FROM kenes.staff_token WHERE token_sha256 = sha256(convert_to('$revoked', 'UTF8'))" | sql)" 2>/dev/null
check "tokens created" test -n "$staff" -a -n "$analyst" -a -n "$moderator"

# --- who may ---------------------------------------------------------------------------------
http GET /api/v1/tallies
check "no token: 401" eq "$STATUS $(json .error.code)" "401 unauthorized"
check "401 says how to authenticate" eq "$(header WWW-Authenticate)" 'Bearer realm="kenes"'
http GET /api/v1/tallies -H "Authorization: Basic dXNlcjpwYXNz"
check "not a bearer token: 401 invalid_token" eq "$STATUS $(json .error.code)" "401 invalid_token"
as "kns_$(printf 'A%.0s' $(seq 43))" /api/v1/tallies
check "an unknown token: 401" eq "$STATUS $(json .error.code)" "401 invalid_token"
check "with error=invalid_token" contains "$(header WWW-Authenticate)" 'error="invalid_token"'
as "$revoked" /api/v1/tallies
check "a revoked token: 401" eq "$STATUS" 401
as "$moderator" /api/v1/tallies
check "moderator on tallies: 403" eq "$STATUS $(json .error.code)" "403 forbidden"
as "$analyst" /api/v1/reports/weekly
check "analyst on reports: 403" eq "$STATUS" 403
as "$moderator" /api/v1/reports/sessions/1
check "moderator on reports: 403" eq "$STATUS" 403
http GET /api/v1/reports/weekly
check "no token on reports: 401" eq "$STATUS" 401
check "the token is not in the handler's log" not grep -q "${analyst:4}" "${KENES_HANDLER_LOG:-/dev/null}"

# --- numbers that match the raw rows ---------------------------------------------------------
post() {
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$1"
	json .id
}
p1=$(post "$(jq -cn --arg iin "$(iin 7001)" '{consultation: "constitution-2026", target: "article:9", stance: "support", topics: ["land"], text: "Земля принадлежит народу.", lang: "ru", region: "KZ-71", iin: $iin}')")
p2=$(post "$(jq -cn --arg iin "$(iin 7002)" '{consultation: "constitution-2026", target: "article:9", stance: "oppose", topics: ["land", "economy-property"], text: "Против.", lang: "ru", region: "KZ-75", iin: $iin}')")
p3=$(post "$(jq -cn '{consultation: "constitution-2026", target: "article:9", stance: "support", text: "Anonymous support.", lang: "en", region: "KZ-71"}')")
check "three proposals stored" test -n "$p1" -a -n "$p2" -a -n "$p3"
http POST "/api/v1/proposals/$p1/supports" -H 'Content-Type: application/json' --data "{\"iin\":\"$(iin 7003)\"}"
check "a support stored" eq "$STATUS" 201
agg refresh 2>/dev/null
check "refresh" eq "$?" 0

raw() { # STANCE or all: "proposals people supports" of article 9 from the raw rows
	sql -v stance="$1" <<'SQL'
SELECT count(*) || ' ' || count(DISTINCT p.submitter) || ' ' ||
       (SELECT count(*) FROM kenes.support s JOIN kenes.proposal q ON q.id = s.proposal_id
        JOIN kenes.part x ON x.id = q.part_id JOIN kenes.consultation k ON k.id = q.consultation_id
        WHERE k.slug = 'constitution-2026' AND x.kind = 'article' AND x.number = 9
          AND q.status = 'published' AND :'stance' IN ('all', q.stance))
FROM kenes.proposal p JOIN kenes.part x ON x.id = p.part_id AND x.kind = 'article' AND x.number = 9
JOIN kenes.consultation k ON k.id = p.consultation_id AND k.slug = 'constitution-2026'
WHERE p.status = 'published' AND :'stance' IN ('all', p.stance)
SQL
}
as "$analyst" /api/v1/tallies
check "analyst: 200" eq "$STATUS" 200
check "JSON" contains "$(header Content-Type)" application/json
row='.rows[] | select(.key == "article:9")'
check "default by=article, all articles" eq "$(json '[.by, (.rows | length)] | join(" ")')" "article 95"
check "article 9 equals the raw rows" eq "$(json "$row | \"\\(.proposals) \\(.people) \\(.supports)\"")" "$(raw all)"
check "article 9 in favour equals the raw rows" eq \
	"$(json "$row | .stances.support | \"\\(.proposals) \\(.people) \\(.supports)\"")" "$(raw support)"
check "support level with its counts" eq "$(json "$row | .support_level | \"\\(.support) \\(.oppose)\"")" \
	"$(json "$row | \"\\(.stances.support.proposals) \\(.stances.oppose.proposals)\"")"
check "the refresh time is stated" contains "$(json .refreshed_at)" "T"
check "the consultation is named" eq "$(json .consultation)" "$C"
as "$staff" "/api/v1/tallies?by=article&stance=oppose"
check "staff may read tallies; stance filter" eq "$STATUS $(json "$row | \"\\(.stance) \\(.proposals)\"")" \
	"200 oppose $(raw oppose | cut -d' ' -f1)"
for by in part topic region channel week article,topic part,topic part,region part,channel; do
	as "$analyst" "/api/v1/tallies?by=$by"
	check "by=$by: 200 with rows" eq "$STATUS $(json '.rows | length > 0')" "200 true"
done
# by=part,region and by=part,channel: the part x region and part x channel cells (migration
# 033), each pair equal to a plain-SQL recount of its published proposals.
located() { # COLUMN VALUE: "proposals people supports" of article 9's proposals with COLUMN = VALUE
	sql -v v="$2" <<SQL
SELECT count(*) || ' ' || count(DISTINCT p.submitter) || ' ' ||
       coalesce(sum((SELECT count(*) FROM kenes.support s WHERE s.proposal_id = p.id)), 0)
FROM kenes.proposal p JOIN kenes.part x ON x.id = p.part_id AND x.kind = 'article' AND x.number = 9
JOIN kenes.consultation k ON k.id = p.consultation_id AND k.slug = 'constitution-2026'
WHERE p.status = 'published' AND p.$1 = :'v'
SQL
}
for pair in region/KZ-71 region/KZ-75 channel/api; do
	as "$analyst" "/api/v1/tallies?by=part,${pair%/*}"
	check "by=part,${pair%/*}: article:9/${pair#*/} equals the raw rows" \
		eq "$(json ".rows[] | select(.key == \"article:9/${pair#*/}\") | \"\\(.proposals) \\(.people) \\(.supports)\"")" \
		"$(located "${pair%/*}" "${pair#*/}")"
done
check "... labelled part / channel" eq "$(json '.rows[] | select(.key == "article:9/api") | .label.en')" "Article 9 / API"
as "$analyst" "/api/v1/tallies?by=part,region&stance=support&format=csv"
check "by=part,region as CSV, one stance" eq "$(header Content-Disposition) $(printf '%s' "$BODY" | grep -c '^article:9/KZ-71,.*,support,')" \
	'attachment; filename="kenes-tallies-part-region.csv" 1'
as "$analyst" "/api/v1/tallies?by=topic"
check "by=topic: land counts our two" test "$(json '.rows[] | select(.key == "land") | .proposals')" -ge 2
today=$(echo "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date" | sql)
as "$analyst" "/api/v1/tallies?by=region&from=$since&to=$today"
check "a range up to today has today's proposals" test "$(json '.rows[] | select(.key == "KZ-71") | .proposals')" -ge 2
check "the range is echoed" eq "$(json '.from + " " + .to')" "$since $today"
as "$analyst" "/api/v1/tallies?by=region&from=2020-01-01&to=2020-01-31"
check "a range before the consultation is all zeros" eq "$(json '[.rows[].proposals] | add')" 0
as "$analyst" "/api/v1/tallies?by=region&format=csv&lang=ru&bom=1"
check "CSV" eq "$STATUS $(header Content-Type)" "200 text/csv; charset=utf-8"
check "CSV starts with a UTF-8 BOM" eq "$(printf '%s' "$BODY" | head -c 3 | od -An -tx1 | tr -d ' ')" efbbbf
check "then the header" eq "$(printf '%s' "$BODY" | head -1 | tail -c +4 | tr -d '\r')" "key,label,stance,proposals,people,supports"
check "CSV labels in Russian" contains "$BODY" "город Астана"
check "CSV as an attachment" contains "$(header Content-Disposition)" attachment
http HEAD /api/v1/tallies -H "Authorization: Bearer $analyst"
check "HEAD: 200" eq "$STATUS" 200
http POST /api/v1/tallies -H "Authorization: Bearer $analyst"
check "POST: 405 with Allow" eq "$STATUS $(header Allow)" "405 GET, HEAD"

# --- refusals name the parameter -------------------------------------------------------------
bad() { # QUERY FIELD CODE
	as "$analyst" "/api/v1/tallies?$1"
	check "422 $3 on $2 ($1)" eq "$STATUS $(json .error.field) $(json .error.code)" "422 $2 $3"
}
bad "by=province" by invalid_by
bad "from=2026-1-5" from invalid_date
bad "from=2026-03-01&to=2026-02-01" from invalid_range
bad "stance=maybe" stance invalid_stance
bad "format=xml" format invalid_format
bad "lang=de" lang invalid_lang
bad "bom=yes" bom invalid_bom
bad "colour=red" colour unknown_parameter
bad "by=topic&by=region" by repeated_parameter
bad "by=topic&consultation=$C" consultation repeated_parameter
http GET "/api/v1/tallies?consultation=Not%20a%20slug" -H "Authorization: Bearer $analyst"
check "422 unknown_consultation on a consultation that is no slug" eq "$STATUS $(json .error.field) $(json .error.code)" "422 consultation unknown_consultation"
as "$analyst" "/api/v1/tallies?from=2026-02-30"
check "a date that does not exist: 422" eq "$STATUS $(json .error.code)" "422 invalid_date"
http GET "/api/v1/tallies?consultation=no-such-thing" -H "Authorization: Bearer $analyst"
check "an unknown consultation: 404" eq "$STATUS $(json .error.code)" "404 unknown_consultation"
as "$analyst" "/api/v1/tallies?by=region&stance=x&format=y"
check "every problem at once" eq "$(json '.errors | length')" 2

# --- reports: as issued, byte for byte ---------------------------------------------------------
as "$staff" /api/v1/reports/weekly
check "staff: the latest weekly report" eq "$STATUS $(header Content-Type)" "200 text/html; charset=utf-8"
check "as an attachment" contains "$(header Content-Disposition)" "attachment; filename=\"kenes-constitution-2026-week-"
check "ETag is its SHA-256" eq "$(header ETag)" "\"$(header X-Kenes-Report-Sha256)\""
check "the SHA-256 matches the bytes" eq "$(printf '%s\n' "$BODY" | sha256sum | cut -d' ' -f1)" "$(header X-Kenes-Report-Sha256)"
week=$(echo "SELECT max(r.week) FROM kenes.report r JOIN kenes.consultation c ON c.id = r.consultation_id WHERE c.slug = '$C' AND r.kind = 'week'" | sql)
as "$staff" "/api/v1/reports/weekly?week=$week&format=json"
check "a week by name, as JSON" eq "$STATUS $(json .week) $(json .status)" "200 $week issued"
agg report --consultation "$C" --week "$week" --format csv --lang en --out "$_tmp/week.csv" 2>/dev/null
curl -s -o "$_tmp/api.csv" -H "Authorization: Bearer $staff" "$BASE_URL/api/v1/reports/weekly?week=$week&format=csv&lang=en&consultation=$C"
check "the API serves the bytes the CLI writes" cmp "$_tmp/week.csv" "$_tmp/api.csv"
curl -s -o "$_tmp/api.bom.csv" -H "Authorization: Bearer $staff" "$BASE_URL/api/v1/reports/weekly?week=$week&format=csv&lang=en&bom=1&consultation=$C"
check "bom=1 adds the BOM and nothing else" cmp <(tail -c +4 "$_tmp/api.bom.csv") "$_tmp/week.csv"
as "$staff" "/api/v1/reports/weekly?week=2099-W01"
check "a week not issued: 404 not_issued" eq "$STATUS $(json .error.code)" "404 not_issued"
as "$staff" "/api/v1/reports/weekly?week=2026-W99"
check "a week that cannot be: 422" eq "$STATUS $(json .error.field)" "422 week"
as "$staff" "/api/v1/reports/weekly?format=pdf"
check "an unknown format: 422" eq "$STATUS $(json .error.code)" "422 invalid_format"
as "$staff" /api/v1/reports/sessions/99999
check "an unknown session: 404 not_found" eq "$STATUS $(json .error.code)" "404 not_found"
as "$staff" /api/v1/reports/sessions/0
check "session 0 is no resource: 404" eq "$STATUS" 404
as "$staff" /api/v1/reports/monthly
check "an unknown report kind: 404" eq "$STATUS" 404

# A session held today covers the days up to yesterday: its report can be issued now.
number=$(echo "SELECT s.number FROM kenes.commission_session s JOIN kenes.consultation c ON c.id = s.consultation_id WHERE c.slug = '$C' AND s.held_on = '$today'" | sql)
if [ -z "$number" ]; then
	number=$(echo "SELECT coalesce(max(s.number), 0) + 1 FROM kenes.commission_session s JOIN kenes.consultation c ON c.id = s.consultation_id WHERE c.slug = '$C'" | sql)
	agg session add --consultation "$C" "$number" "$today" "E2E session <script>x</script>" 2>/dev/null
fi
if [ "$(echo "SELECT count(*) FROM kenes.report r JOIN kenes.consultation c ON c.id = r.consultation_id WHERE c.slug = '$C' AND r.kind = 'session' AND r.session_number = $number" | sql)" = 0 ]; then
	as "$staff" "/api/v1/reports/sessions/$number"
	check "a session's report before it is made: 404 not_issued" eq "$STATUS $(json .error.code)" "404 not_issued"
fi
agg report --consultation "$C" --session "$number" --format md --lang kk --out "$_tmp/session.md" 2>/dev/null
check "report --session issues it" eq "$?" 0
as "$staff" "/api/v1/reports/sessions/$number?format=md&lang=kk"
check "then the API serves it" eq "$STATUS $(header Content-Type)" "200 text/markdown; charset=utf-8"
curl -s -o "$_tmp/api.md" -H "Authorization: Bearer $staff" "$BASE_URL/api/v1/reports/sessions/$number?format=md&lang=kk&consultation=$C"
check "byte for byte as the CLI wrote it" cmp "$_tmp/session.md" "$_tmp/api.md"
as "$staff" "/api/v1/reports/sessions/$number?format=html"
check "the title stays text in HTML" contains "$BODY" "E2E session &lt;script&gt;x&lt;/script&gt;"

# A stored report altered behind the aggregator's back is refused, not served.
echo "UPDATE kenes.report_output SET body = body || 'x' WHERE report_id = (SELECT r.id FROM kenes.report r JOIN kenes.consultation c ON c.id = r.consultation_id WHERE c.slug = '$C' AND r.kind = 'session' AND r.session_number = $number) AND format = 'json'" | sql
as "$staff" "/api/v1/reports/sessions/$number?format=json"
check "an altered report: 500 report_altered" eq "$STATUS $(json .error.code)" "500 report_altered"
echo "UPDATE kenes.report_output SET body = left(body, -1) WHERE report_id = (SELECT r.id FROM kenes.report r JOIN kenes.consultation c ON c.id = r.consultation_id WHERE c.slug = '$C' AND r.kind = 'session' AND r.session_number = $number) AND format = 'json'" | sql
as "$staff" "/api/v1/reports/sessions/$number?format=json"
check "restored, it is served again" eq "$STATUS" 200

finish
