#!/usr/bin/env bash
# Reports against a real PostgreSQL, on the small fixed data set of fixture.sql: golden
# files for each format, issuing and freezing (byte-identical regeneration, checksums,
# tampering detected), escaping (an XSS payload stays text; CSV formulas are neutralised),
# weekly reports issued by refresh, sessions, tokens, exit codes, and the database roles.
# UPDATE_GOLDEN=1 rewrites the golden files from this run instead of comparing (review the
# diff before committing it). Needs KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/lib.sh"
SUITE=aggregator-reports
golden=$root/tests/aggregator/golden
# The cut-off is when the test ran; everything else in a report is fixed by the data.
normalise() { sed -E 's/20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/CUT-OFF/g' "$1"; }
same_as_golden() { # FILE GOLDEN-NAME
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		normalise "$1" >"$golden/$2"
		return 0
	fi
	diff -u "$golden/$2" <(normalise "$1") | head -20
	[ "${PIPESTATUS[0]}" -eq 0 ]
}
t0=$SECONDS

agg_db kenes_agg_reports || exit 1
sql -f "$root/tests/aggregator/fixture.sql"
# The weeks refresh must issue: from the consultation's first (2026-W05) to the last finished
# one, the week before today's (local). Asked just before and just after the refresh, in one
# statement each: when the week turns during the refresh, either answer is right.
due_weeks() {
	sql -c "SELECT '2026-W05 ' || to_char(d - 7, 'IYYY-\"W\"IW') || ' ' || count(*)
	        FROM (SELECT (now() AT TIME ZONE 'Asia/Almaty')::date) AS t(d),
	             generate_series(date '2026-01-26', date_trunc('week', d)::date - 7, '7 days') GROUP BY d"
}
due_before=$(due_weeks)
out=$(agg refresh 2>&1)
check "refresh succeeds" eq "$?" 0
due_after=$(due_weeks)
issued=$(sql -c "SELECT min(week) || ' ' || max(week) || ' ' || count(*) FROM kenes.report WHERE kind = 'week'")
[ "$issued" = "$due_before" ] && due_after=$due_before
check "refresh issues the report of every finished week" eq "$issued" "$due_after"
check "each with 10 renderings" eq "$(sql -c "SELECT DISTINCT count(*) FROM kenes.report_output GROUP BY report_id")" 10
agg refresh >/dev/null 2>&1
check "a second refresh issues none again" eq "$(sql -c "SELECT count(*) FROM kenes.report")" \
	"$(sql -c "SELECT count(DISTINCT week) FROM kenes.report")"
# tests/clocks.sh at the week's and the ISO year's edges: only the weeks depend on them.
if [ "${REPORTS_WEEKS_ONLY:-0}" = 1 ]; then
	echo "     suite took $((SECONDS - t0))s (the weekly reports only)"
	finish
	exit
fi

# --- sessions ------------------------------------------------------------------------------
agg session add 1 2026-02-09 "Первое заседание Комиссии" 2>/dev/null
check "session add" eq "$?" 0
agg session add 2 2026-02-23 '<img src=x onerror=alert(1)> Второе заседание' 2>/dev/null
agg session add 3 2099-03-01 "Заседание в будущем" 2>/dev/null
agg session add 2 2026-03-01 "again" 2>/dev/null
check "a number used twice is refused (2)" eq "$?" 2
agg session add 4 2026-02-15 "out of order" 2>/dev/null
check "a date out of order is refused (2)" eq "$?" 2
agg session add 5 2026-02-31 "no such day" 2>/dev/null
check "a date that does not exist is refused (2)" eq "$?" 2
list=$(agg session list 2>/dev/null)
check "session list shows each period" contains "$list" "2026-02-09..2026-02-22"

# --- positions, shown by the reports of the parts they cover (docs/POSITIONS.md) ------------
positions_act() { # ACTION ID BODY: as the staff API calls it; prints the position's id
	sql -c "SELECT (r.body::jsonb)->>'id' FROM kenes.position_act(sha256('reports staff'), '$1', $2, '$3'::jsonb) r"
}
sql -c "INSERT INTO kenes.staff_token (name, role, token_sha256, hint) VALUES ('reports staff', 'staff', sha256('reports staff'), 'kns_rprt')" >/dev/null
busy=$(sql -c "SELECT kenes.part_target(p) FROM kenes.proposal x JOIN kenes.part p ON p.id = x.part_id
               WHERE x.status = 'published' GROUP BY p.id, p.ordinal ORDER BY count(*) DESC, p.ordinal LIMIT 1")
pa=$(positions_act create NULL "{\"consultation\":\"constitution-2026\",\"part\":\"$busy\",\"label\":{\"ru\":\"<b>За</b> | статью\",\"en\":\"In favour\"},\"summary\":{\"ru\":\"Поддерживают\"},\"reason\":\"r\"}")
positions_act assign "$pa" '{"filter":{"stance":"support"},"reason":"r"}' >/dev/null
positions_act disposition "$pa" '{"decision":"accepted","decision_reason":{"ru":"Учтено"},"reason":"r"}' >/dev/null
pb=$(positions_act create NULL "{\"consultation\":\"constitution-2026\",\"part\":\"$busy\",\"label\":{\"en\":\"Against\"},\"reason\":\"r\"}")
positions_act assign "$pb" '{"filter":{"stance":"oppose"},"reason":"r"}' >/dev/null
check "positions for the reports" test -n "$pa" -a -n "$pb"

# --- a session's report, issued and frozen -------------------------------------------------
for f in html md csv json; do
	agg report --session 2 --format "$f" --out "$_tmp/s2.ru.$f" 2>"$_tmp/s2.$f.err"
	check "report --session 2 --format $f" eq "$?" 0
done
agg report --session 2 --format md --lang kk --out "$_tmp/s2.kk.md" 2>/dev/null
agg report --session 2 --format csv --lang en --out "$_tmp/s2.en.csv" 2>/dev/null
check "the first one issues it" contains "$(cat "$_tmp/s2.html.err")" "issued the session report"
check "the next ones write it as stored" contains "$(cat "$_tmp/s2.md.err")" "writing it as stored"
check "golden HTML (ru)" same_as_golden "$_tmp/s2.ru.html" session-2.ru.html
check "golden Markdown (ru)" same_as_golden "$_tmp/s2.ru.md" session-2.ru.md
check "golden Markdown (kk)" same_as_golden "$_tmp/s2.kk.md" session-2.kk.md
check "golden CSV (ru)" same_as_golden "$_tmp/s2.ru.csv" session-2.ru.csv
check "golden CSV (en)" same_as_golden "$_tmp/s2.en.csv" session-2.en.csv
check "golden JSON" same_as_golden "$_tmp/s2.ru.json" session-2.json
is_report_json() { jq -e '.format == "kenes-report/1"' "$1" >/dev/null; }
check "the JSON is valid" is_report_json "$_tmp/s2.ru.json"

# New data in the period after issuing changes nothing in the issued report.
sql -c "INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, channel, created_at)
        SELECT v.consultation_id, v.id, p.id, 'support', 'Late arrival', 'en', 'web', '2026-02-20 10:00+05'
        FROM kenes.draft_version v JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'general'" >/dev/null
agg refresh >/dev/null 2>&1
# ... nor do later changes to its positions; a new report shows them.
positions_act edit "$pa" '{"label":{"ru":"Переименовано"},"reason":"r"}' >/dev/null
positions_act merge "$pb" "{\"into\":$pa,\"reason\":\"r\"}" >/dev/null
agg report --session 2 --out "$_tmp/s2.again.html" 2>/dev/null
check "regenerating an issued report gives the same bytes" cmp "$_tmp/s2.ru.html" "$_tmp/s2.again.html"
check "the issued report has its positions" contains "$(cat "$_tmp/s2.ru.html")" "&lt;b&gt;За&lt;/b&gt; | статью"
agg report --from 2026-02-09 --to 2026-02-22 --format md --out "$_tmp/range.md" 2>/dev/null
check "a new report shows the positions as they are now" contains "$(cat "$_tmp/range.md")" "Переименовано"
check "and the merged one is gone" lacks "$(cat "$_tmp/range.md")" "| Against |"
check "its SHA-256 is the stored one" eq "$(sha256sum <"$_tmp/s2.ru.html" | cut -d' ' -f1)" \
	"$(sql -c "SELECT o.sha256 FROM kenes.report_output o JOIN kenes.report r ON r.id = o.report_id
	           WHERE r.session_number = 2 AND o.format = 'html' AND o.lang = 'ru'")"
check "the cut-off is recorded" eq "$(sql -c "SELECT count(*) FROM kenes.report WHERE session_number = 2 AND cut_off < now() AND snapshot <> ''")" 1
agg report --session 2 --format csv --bom --out "$_tmp/s2.bom.csv" 2>/dev/null
check "--bom puts a UTF-8 BOM before the stored CSV" eq "$(head -c 3 "$_tmp/s2.bom.csv" | od -An -tx1 | tr -d ' ')" efbbbf
check "and nothing else changes" cmp <(tail -c +4 "$_tmp/s2.bom.csv") "$_tmp/s2.ru.csv"

# --- escaping ------------------------------------------------------------------------------
html=$(cat "$_tmp/s2.ru.html")
check "HTML: the XSS payload stays text" contains "$html" "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"
check "HTML: no script element" lacks "$html" "<script"
check "HTML: the session title is escaped" contains "$html" "&lt;img src=x onerror=alert(1)&gt;"
check "HTML: no img element" lacks "$html" "<img"
check "HTML: self-contained (no external resource)" not grep -qE '(src|href)="|<link|url\(' "$_tmp/s2.ru.html"
check "HTML: inline SVG charts" eq "$(grep -c '<svg ' "$_tmp/s2.ru.html")" 3
check "HTML: prints on A4" contains "$html" "@page{size:A4"
check "Markdown: no raw HTML from data" lacks "$(cat "$_tmp/s2.ru.md")" "<script"
check "Markdown: table pipes escaped" contains "$(cat "$_tmp/s2.ru.md")" 'с \| вертикальной'
csv=$(cat "$_tmp/s2.ru.csv")
check "CSV: =cmd neutralised" contains "$csv" "\"'=cmd|' /C calc'!A0\""
check "CSV: + neutralised" contains "$csv" "\"'+SUM(1,2) is not a formula here\""
check "CSV: @ neutralised" contains "$csv" "\"'@SUM(A1)"
check "CSV: no field starts a formula" not grep -qE '(^|,)[=+@-]' "$_tmp/s2.ru.csv"
check "CSV: rows end with CRLF" eq "$(grep -c $'\r$' "$_tmp/s2.ru.csv")" "$(wc -l <"$_tmp/s2.ru.csv")"
check "CSV: a quote in a field is doubled" contains "$csv" '"<script>alert(""xss"")</script> & '"'quoted' <b>bold</b>\""
check "JSON: keeps the text as data" contains "$(jq -r '.parts[].top[].excerpt' "$_tmp/s2.ru.json")" '<script>alert("xss")</script>'

# --- a report that cannot be issued yet, and a range ------------------------------------------
agg report --session 3 --format json --out "$_tmp/s3.json" 2>"$_tmp/s3.err"
check "a session still ahead: provisional" eq "$(jq -r .status "$_tmp/s3.json")" provisional
check "and says so" contains "$(cat "$_tmp/s3.err")" "provisional"
check "a provisional report is not stored" eq "$(sql -c "SELECT count(*) FROM kenes.report WHERE session_number = 3")" 0
agg report --from 2026-02-01 --to 2026-02-14 --format json --out "$_tmp/range.json" 2>/dev/null
check "a range report" eq "$(jq -r '[.status, .period.days, .totals.period.all.proposals] | join(" ")' "$_tmp/range.json")" "range 14 7"
check "a range report is never stored" eq "$(sql -c "SELECT count(*) FROM kenes.report WHERE kind NOT IN ('week', 'session')")" 0
agg report --week 2026-W07 --format json --lang en --out "$_tmp/w07.json" 2>"$_tmp/w07.err"
check "a week's report was issued by refresh: written as stored" contains "$(cat "$_tmp/w07.err")" "as stored"
check "week 7 counts its proposals" eq "$(jq -r '.totals.period.all.proposals' "$_tmp/w07.json")" 3

# --- a stored report that was altered is refused ------------------------------------------------
sql -c "UPDATE kenes.report_output SET body = body || ' ' FROM kenes.report r
        WHERE r.id = report_id AND r.session_number = 2 AND format = 'md' AND lang = 'ru'" >/dev/null
agg report --session 2 --format md --out "$_tmp/tampered.md" 2>"$_tmp/tampered.err"
check "an altered stored report exits 5" eq "$?" 5
check "and says it was altered" contains "$(cat "$_tmp/tampered.err")" "altered"
check "nothing is written" not test -e "$_tmp/tampered.md"

# --- exit statuses and messages -------------------------------------------------------------
agg report --session 9 >/dev/null 2>&1
check "an unknown session exits 4" eq "$?" 4
agg report --session 2 --consultation no-such >/dev/null 2>&1
check "an unknown consultation exits 4" eq "$?" 4
agg report --week 2026-W54 >/dev/null 2>&1
check "a week that does not exist exits 2" eq "$?" 2
agg report --week 2027-W53 >/dev/null 2>&1
check "W53 of a year without one exits 2" eq "$?" 2
agg report --from 2026-02-10 --to 2026-02-01 >/dev/null 2>&1
check "--from after --to exits 2" eq "$?" 2
agg report --session 2 --format xml >/dev/null 2>&1
check "an unknown format exits 2" eq "$?" 2
agg report --session 2 --bom >/dev/null 2>&1
check "--bom without csv exits 2" eq "$?" 2
agg report >/dev/null 2>&1
check "report without a period exits 2" eq "$?" 2
agg refresh --format csv >/dev/null 2>&1
check "an option the command does not take exits 2" eq "$?" 2
agg frobnicate >/dev/null 2>&1
check "an unknown command exits 2" eq "$?" 2
"$AGG" >/dev/null 2>&1
check "no command exits 2" eq "$?" 2
help=$("$AGG" --help)
check "--help exits 0" eq "$?" 0
for word in refresh report session token status check "Exit status" time_zone --wait --bom; do
	check "--help explains $word" contains "$help" "$word"
done
"$AGG" --config "$root/deploy/kenes-aggregator.conf.example" -d "$DB" check >/dev/null 2>&1
check "the example configuration is valid" eq "$?" 0
printf 'time_zone = Asia/Almaty\nbatch_size = 0\n' >"$_tmp/bad.conf"
"$AGG" --config "$_tmp/bad.conf" -d "$DB" check >/dev/null 2>"$_tmp/bad.err"
check "a setting out of bounds exits 2" eq "$?" 2
check "naming the file, line and bounds" contains "$(cat "$_tmp/bad.err")" "bad.conf:2: batch_size must be an integer between 1 and 1000000"
"$AGG" -d "host=/nonexistent dbname=none" status >/dev/null 2>"$_tmp/down.err"
check "an unreachable database exits 1" eq "$?" 1
check "with the reason" contains "$(cat "$_tmp/down.err")" "cannot connect"
agg report --session 2 --out /nonexistent/dir/report.html >/dev/null 2>&1
check "an unwritable --out exits 1" eq "$?" 1
ln -s "$_tmp/target.html" "$_tmp/link.html"
agg report --session 2 --out "$_tmp/link.html" 2>/dev/null
check "--out through a symbolic link keeps the link" test -L "$_tmp/link.html"
check "and writes its target" cmp "$_tmp/target.html" "$_tmp/s2.ru.html"
agg report --session 2 --format csv 2>"$_tmp/pipe.err" | cat >/dev/null
check "no progress bar in a pipe" not grep -q $'\r' "$_tmp/pipe.err"

# --- which consultation: the only one, else the only open one, else say so ---------------------
echo "SELECT kenes.consultation_load(:'doc'::jsonb)" |
	sql -v doc="$(jq '.slug = "other-2026" | .status = "closed"' "$root/sql/data/constitution-2026.json")" >/dev/null
check "a second consultation, closed" eq "$(sql -c "SELECT status FROM kenes.consultation WHERE slug = 'other-2026'")" closed
agg session list >/dev/null 2>&1
check "with a second, closed consultation the open one is meant" eq "$?" 0
sql -c "UPDATE kenes.consultation SET status = 'open' WHERE slug = 'other-2026'" >/dev/null
agg session list >/dev/null 2>"$_tmp/which.err"
check "with two open ones, --consultation is needed (2)" eq "$?" 2
check "and the message names them" contains "$(cat "$_tmp/which.err")" "other-2026"
agg session list --consultation other-2026 >/dev/null 2>&1
check "--consultation picks one" eq "$?" 0
sql -c "UPDATE kenes.consultation SET status = 'draft' WHERE slug = 'other-2026'" >/dev/null

# --- tokens ----------------------------------------------------------------------------------
token=$(agg token create --role staff --name "Commission staff" 2>"$_tmp/token.err")
check "token create prints one token" eq "$(echo "$token" | grep -cE '^kns_[A-Za-z0-9_-]{43}$')" 1
check "and says it is shown once" contains "$(cat "$_tmp/token.err")" "only this once"
check "only its SHA-256 is stored" eq "$(sql -c "SELECT count(*) FROM kenes.staff_token WHERE token_sha256 = sha256(convert_to('$token', 'UTF8'))")" 1
check "the token is nowhere in a dump" not grep -q "$token" <(pg_dump -d "$DB" 2>/dev/null)
list=$(agg token list 2>/dev/null)
check "token list shows its start" contains "$list" "${token:0:8}"
check "never the token" lacks "$list" "$token"
id=$(sql -c "SELECT id FROM kenes.staff_token WHERE name = 'Commission staff'")
check "the role is live" eq "$(sql -c "SELECT kenes.staff_token_role(sha256(convert_to('$token', 'UTF8')))")" staff
agg token revoke "$id" 2>/dev/null
check "token revoke" eq "$?" 0
check "a revoked token has no role" eq "$(sql -c "SELECT kenes.staff_token_role(sha256(convert_to('$token', 'UTF8'))) IS NULL")" t
agg token revoke 999 >/dev/null 2>&1
check "revoking an unknown token exits 4" eq "$?" 4
agg token create --role admin --name x >/dev/null 2>&1
check "an unknown role exits 2" eq "$?" 2

# --- roles -----------------------------------------------------------------------------------
as() { sql -c "SET ROLE $1; $2" >/dev/null 2>&1; }
check "analyst reads the tallies" as kenes_analyst "SELECT * FROM kenes.tally LIMIT 1"
check "analyst reads published proposals" as kenes_analyst "SELECT text FROM kenes.published_proposal LIMIT 1"
check "analyst counts over a range" as kenes_analyst "SELECT * FROM kenes.tally_between(1, 'part', '2026-02-01', '2026-02-28')"
check "analyst cannot read kenes.proposal" not as kenes_analyst "SELECT id FROM kenes.proposal LIMIT 1"
check "analyst cannot read pseudonyms" not as kenes_analyst "SELECT submitter FROM kenes.tally_applied LIMIT 1"
check "analyst cannot read tokens" not as kenes_analyst "SELECT * FROM kenes.staff_token"
check "analyst cannot write tallies" not as kenes_analyst "UPDATE kenes.tally_cell SET proposals = 0"
check "the view hides hidden proposals" eq "$(sql -c "SELECT count(*) FROM kenes.published_proposal WHERE text LIKE 'Скрытое%'")" 0
check "handler reads tallies" as kenes_handler "SELECT * FROM kenes.tally_cell LIMIT 1"
check "handler cannot read pseudonyms" not as kenes_handler "SELECT submitter FROM kenes.tally_applied LIMIT 1"
check "handler cannot read token hashes" not as kenes_handler "SELECT token_sha256 FROM kenes.staff_token"
check "handler cannot touch the queue" not as kenes_handler "DELETE FROM kenes.tally_change"
check "aggregator cannot change an issued report" not as kenes_aggregator "UPDATE kenes.report_output SET body = ''"
check "aggregator cannot delete one" not as kenes_aggregator "DELETE FROM kenes.report"

echo "     suite took $((SECONDS - t0))s"
finish
