#!/usr/bin/env bash
# Bulk actions and the CSV download of the staff search (docs/STAFF.md, fcgi/staff_search_bulk.c,
# fcgi/staff_proposals.c): a moderator hides a selection from a search and every result of a
# search, the confirmation's count is the SQL count, unhide restores, a result that changed since
# the confirmation is refused; no form token or an analyst: 403; the CSV is the SQL recount of
# the search (analysts: published only), formulas neutralised. Needs BASE_URL and KENES_ADMIN_URL.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
run=$$x$RANDOM
tag=zzbulk${run//[^0-9a-z]/}
moderator=$(agg token create --role moderator --name "e2e staff-search-bulk moderator $run")
analyst=$(agg token create --role analyst --name "e2e staff-search-bulk analyst $run")
propose() { # TEXT STANCE: prints the id
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$(jq -cn --arg t "$1" \
		--arg s "$2" '{consultation: "constitution-2026", target: "article:9", stance: $s, text: $t, lang: "en"}')"
	json .id
}
for i in 1 2 3 4 5; do propose "Oppose $tag number $i" oppose >/dev/null; done
a=$(propose "Support $tag first" support)
b=$(propose "Support $tag second" support)
for t in "=HYPERLINK(\"http://x\",\"$tag\")" "+1+1 $tag" "-2 $tag" "@SUM(1) $tag" "quote \"$tag\", comma"; do
	propose "$t" amend >/dev/null
done
count() { # [WHERE]: proposals with the tag
	echo "SELECT count(*) FROM kenes.proposal WHERE text LIKE '%$tag%' ${1:+AND $1}" | sql
}
check "twelve proposals" eq "$(count)" 12

declare -A jar csrf
sign_in() { # NAME TOKEN
	jar[$1]=$_tmp/jar-$1
	http GET '/staff/sign-in?lang=en'
	http POST '/staff/sign-in?lang=en' -c "${jar[$1]}" --data-urlencode "token=$2" \
		--data-urlencode "form_token=$(printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')"
	check "$1 signed in" eq "$STATUS" 303
	http GET "/staff/proposals?lang=en&q=$tag" -b "${jar[$1]}"
	csrf[$1]=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
}
sign_in moderator "$moderator"
check "a moderator's search: a checkbox per result" eq "$(printf '%s' "$BODY" | grep -c 'type="checkbox" name="id"')" 12
check "... the selection's form" contains "$BODY" 'action="/staff/moderation/proposals?lang=en"'
check "... and every result, with the count" contains "$BODY" "All results of this search: <strong>12</strong>"
check "... and a CSV link" contains "$BODY" "format=csv&amp;q=$tag"
sign_in analyst "$analyst"
check "an analyst's search: no checkboxes" lacks "$BODY" 'type="checkbox"'
check "... no bulk form" lacks "$BODY" 'name="scope"'

mod() { http POST "/staff/moderation/proposals?lang=en" -b "${jar[moderator]}" --data-urlencode "csrf=${csrf[moderator]}" "$@"; }
field() { printf '%s' "$BODY" | sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1; }

# A selection from the search: the rows' checkboxes post ids to the moderation flow.
mod --data "action=hide&id=$a&id=$b" --data-urlencode "reason=selection $run"
check "a selection: the confirmation counts 2" contains "$BODY" "Count: <strong>2</strong>"
mod --data "action=hide&id=$a&id=$b&confirm=yes" --data-urlencode "reason=selection $run"
check "... confirmed: both hidden" eq "$(count "status = 'hidden'")" 2

# Every result of a search (q and stance): the confirmation shows the SQL count.
search="q=$tag&stance=oppose"
mod --data "scope=search&action=hide" --data-urlencode "search=$search" --data-urlencode "reason=all $run"
check "every result: a confirmation" eq "$STATUS" 200
check "... whose count is the SQL count" contains "$BODY" "Count: <strong>$(count "stance = 'oppose'")</strong>"
check "... nothing hidden yet" eq "$(count "status = 'hidden'")" 2
upto=$(field upto) n=$(field count)
check "... it names the highest id matched" eq "$upto" "$(echo "SELECT max(id) FROM kenes.proposal WHERE text LIKE '%$tag%' AND stance = 'oppose'" | sql)"
late=$(propose "Oppose $tag after the confirmation" oppose)
mod --data "scope=search&action=hide&confirm=yes&upto=$upto&count=$n" --data-urlencode "search=$search" --data-urlencode "reason=all $run"
check "confirmed: exactly those hidden" eq "$(count "status = 'hidden' AND stance = 'oppose'")" 5
check "... not the one that came after the confirmation" eq "$(echo "SELECT status FROM kenes.proposal WHERE id = $late" | sql)" published
check "... one log entry each" eq "$(echo "SELECT count(*) FROM kenes.moderation_log WHERE reason = :'r'" | sql -v r="all $run")" 5
mod --data "scope=search&action=unhide" --data-urlencode "search=q=$tag&status=hidden" --data-urlencode "reason=undo $run"
check "unhide every hidden result: the count" contains "$BODY" "Count: <strong>7</strong>"
upto=$(field upto) n=$(field count)
mod --data "scope=search&action=unhide&confirm=yes&upto=$upto&count=$n" --data-urlencode "search=q=$tag&status=hidden" --data-urlencode "reason=undo $run"
check "... restores them all" eq "$(count "status = 'hidden'")" 0

# A result that changed between the confirmation and the action is refused, nothing done.
mod --data "scope=search&action=hide" --data-urlencode "search=q=$tag&stance=support&status=published" --data-urlencode "reason=x"
upto=$(field upto) n=$(field count)
http POST "/api/v1/moderation/proposals/$a/hide" -H "Authorization: Bearer $moderator" \
	-H 'Content-Type: application/json' --data '{"reason":"meanwhile"}'
mod --data "scope=search&action=hide&confirm=yes&upto=$upto&count=$n" --data-urlencode "search=q=$tag&stance=support&status=published" --data-urlencode "reason=x"
check "a result that changed since the confirmation: 409" eq "$STATUS" 409
check "... and $b still published" eq "$(echo "SELECT status FROM kenes.proposal WHERE id = $b" | sql)" published
mod --data "scope=search&action=hide" --data-urlencode "search=q=$tag&stance=nonsense" --data-urlencode "reason=x"
check "a malformed search: 422" eq "$STATUS" 422
mod --data "scope=search&action=hide" --data-urlencode "search=q=nothing$tag" --data-urlencode "reason=x"
check "a search without results: 422" eq "$STATUS" 422
mod --data "scope=search&action=hide" --data-urlencode "search=q=$tag"
check "without a reason: 422" eq "$STATUS" 422
http POST "/staff/moderation/proposals?lang=en" -b "${jar[moderator]}" --data "scope=search&action=hide&confirm=yes&upto=$upto&count=$n&reason=x" --data-urlencode "search=q=$tag"
check "without the form token: 403" eq "$STATUS" 403
http POST "/staff/moderation/proposals?lang=en" -b "${jar[analyst]}" --data-urlencode "csrf=${csrf[analyst]}" \
	--data "scope=search&action=hide&reason=x" --data-urlencode "search=q=$tag"
check "an analyst, with the form token: 403" eq "$STATUS" 403
check "... nothing changed" eq "$(count "status = 'hidden'")" 1

# The CSV download: the header and exactly the rows an SQL recount gives, newest first.
cmp_csv() { # WHO QUERY WHERE: the CSV of the search equals the proposals with the tag and WHERE
	curl -s -o "$_tmp/got.csv" -D "$_tmp/got.h" -b "${jar[$1]}" "$BASE_URL/staff/proposals?format=csv&$2"
	psql -X -q --csv -v ON_ERROR_STOP=1 -d "$KENES_ADMIN_URL" -c "SELECT id, stance, lang, status, channel,
		coalesce(region, '') AS region, text FROM kenes.proposal WHERE text LIKE '%$tag%' AND $3 ORDER BY id DESC" >"$_tmp/want.csv"
	python3 - "$_tmp/got.csv" "$_tmp/want.csv" <<-'PY'
		import csv, sys
		got = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
		want = list(csv.reader(open(sys.argv[2], newline='', encoding='utf-8')))
		header = ['id', 'created_at', 'target', 'part_en', 'part_ru', 'part_kk', 'stance', 'lang',
		          'status', 'channel', 'region', 'text']
		mark = lambda v: ("'" + v) if v[:1] in ('=', '+', '-', '@', '\t', '\r') else v
		rows = [[r[0]] + r[6:] for r in got[1:]]
		ok = got[0] == header and rows == [[mark(v) for v in r] for r in want[1:]] and len(rows) > 0
		sys.exit(0 if ok else print(got[:2], want[:2]) or 1)
	PY
}
check "the CSV (a moderator): the SQL recount, hidden included" cmp_csv moderator "q=$tag" true
check "... as an attachment" grep -q 'Content-Disposition: attachment; filename="kenes-proposals.csv"' "$_tmp/got.h"
check "... formula prefixes neutralised" grep -qF "\"'=HYPERLINK(\"\"http://x\"\"" "$_tmp/got.csv"
check "... an amend filter" cmp_csv moderator "q=$tag&stance=amend" "stance = 'amend'"
check "an analyst's CSV: published only" cmp_csv analyst "q=$tag" "status = 'published'"
check "... even asking for hidden ones" cmp_csv analyst "q=$tag&status=hidden" "status = 'published'"
# The whole consultation, over several statements when it holds more than 1,000 proposals.
curl -s -o "$_tmp/all.csv" -b "${jar[moderator]}" "$BASE_URL/staff/proposals?format=csv"
check "the whole consultation's CSV: every proposal, once" eq \
	"$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8")))[1:]; print(len(r), len(set(x[0] for x in r)))' "$_tmp/all.csv")" \
	"$(echo "SELECT count(*) || ' ' || count(*) FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id WHERE c.slug = 'constitution-2026'" | sql)"
http GET "/staff/proposals?format=pdf" -b "${jar[moderator]}"
check "an unknown format: 422" eq "$STATUS" 422
finish
