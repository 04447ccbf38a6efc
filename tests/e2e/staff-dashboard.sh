#!/usr/bin/env bash
# The staff dashboard (/staff/, docs/STAFF.md) shows the tallies API's numbers, number for
# number: per part (proposals, people, supports, distinct texts) with and without filters
# (period, stance, topic, version; region and channel against an SQL recount and the API's
# by=part,region and by=part,channel), sorted by a
# column, its totals against the published proposals recounted in
# SQL, and its CSV and JSON downloads hold exactly the table on screen.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
run=$$-$RANDOM
staff=$(agg token create --role staff --name "e2e staff-dashboard $run")
# A few proposals of our own, so that the tables are not empty whatever ran before.
for stance in support oppose amend support; do
	region=$([ "$stance" = oppose ] && echo unspecified || echo KZ-75)
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"{\"consultation\":\"constitution-2026\",\"target\":\"article:7\",\"stance\":\"$stance\",\"topics\":[\"land\"],\"text\":\"dashboard $run $stance\",\"lang\":\"en\",\"region\":\"$region\"}"
done
agg refresh >/dev/null 2>&1
check "refresh" eq "$?" 0

jar=$_tmp/jar
staff_sign_in "$jar" "$staff"

# The rows both answer, normalised: key, version, proposals, people, supports, texts.
api_rows() { # QUERY
	http GET "/api/v1/tallies?$1" -H "Authorization: Bearer $staff"
	[ "$STATUS" = 200 ] || { echo "api $STATUS"; return; }
	json '[.rows[] | {key, version, proposals, people, supports, texts}] | sort_by(.key, .version)'
}
dash_rows() { # QUERY
	http GET "/staff/?format=json&$1" -b "$jar"
	[ "$STATUS" = 200 ] || { echo "dashboard $STATUS"; return; }
	json '[.rows[] | {key, version, proposals, people, supports, texts}] | sort_by(.key, .version)'
}
a=$(api_rows by=part)
check "all-time: the API has rows" test "$(echo "$a" | jq length)" -gt 0
check "all-time: the dashboard's rows are the API's, number for number" eq "$(dash_rows '')" "$a"
check "a period and a stance: the same" eq "$(dash_rows 'from=2020-01-01&to=2099-12-31&stance=support')" \
	"$(api_rows 'by=part&from=2020-01-01&to=2099-12-31&stance=support')"
check "a draft version: the same" eq "$(dash_rows 'version=all')" "$(api_rows 'by=part&version=all')"
topic=$(api_rows 'by=part,topic' | jq -c '[.[] | select(.key | endswith("/land")) | .key |= sub("/land$"; "")]')
check "a topic: the API's part,topic rows of that topic" eq "$(dash_rows topic=land | jq -c .)" "$topic"

# Region and channel: the parts' rows of one region or one channel come from their own cells
# (part x region, part x channel); each equals a plain-SQL recount of the published proposals.
recount_rows() { # COLUMN VALUE: the recount of the parts' rows with proposal.COLUMN = VALUE
	echo "SELECT coalesce(json_agg(r), '[]') FROM (
		SELECT kenes.part_target(pt) AS key, v.number AS version, count(*) AS proposals,
		       count(DISTINCT p.submitter) AS people, sum(s.n) AS supports
		FROM kenes.proposal p
		JOIN kenes.consultation c ON c.id = p.consultation_id
		JOIN kenes.part pt ON pt.id = p.part_id
		JOIN kenes.draft_version v ON v.id = pt.version_id
		CROSS JOIN LATERAL (SELECT count(*) AS n FROM kenes.support x WHERE x.proposal_id = p.id) s
		WHERE c.slug = 'constitution-2026' AND p.status = 'published' AND p.$1 = '$2'
		GROUP BY pt.id, v.number) r" | sql | jq -c 'sort_by(.key, .version)'
}
counted() { jq -c '[.[] | select(.proposals > 0) | {key, version, proposals, people, supports}]'; }
for cut in region=KZ-75 region=unspecified channel=api; do
	want=$(recount_rows "${cut%%=*}" "${cut#*=}")
	check "$cut: the recount has rows" test "$(echo "$want" | jq length)" -gt 0
	check "$cut: the dashboard's rows equal an SQL recount" eq "$(dash_rows "$cut&version=all" | counted)" "$want"
	check "$cut: ... and the API's by=part,${cut%%=*} rows of it" eq "$(api_rows "by=part,${cut%%=*}&version=all" |
		jq -c --arg s "/${cut#*=}" '[.[] | select(.key | endswith($s)) | .key |= .[:-($s | length)]] | sort_by(.key, .version)' |
		counted)" "$want"
done
http GET '/staff/?format=json&region=KZ-75' -b "$jar"
region_sum=$(json '[.rows[].proposals] | add')
http GET '/api/v1/tallies?by=region' -H "Authorization: Bearer $staff"
check "region: its parts add up to the API's region row" eq "$region_sum" \
	"$(json '[.rows[] | select(.key == "KZ-75") | .proposals] | first')"
http GET '/staff/?format=json&channel=api&stance=amend' -b "$jar"
check "channel and a stance: the stance's numbers" eq "$(json '[.rows[] | select(.key == "article:7") | .proposals == .stances.amend.proposals] | all')" true
check "a region: no distinct texts (all-time per part only)" eq "$(json '[.rows[] | has("texts")] | any')" false
http GET '/staff/?lang=en&region=KZ-75' -b "$jar"
check "a region: the numbers link to its proposals" contains "$BODY" '&amp;target=article:7&amp;status=published&amp;version='
check "... with the region kept" contains "$BODY" '&amp;region=KZ-75">'
check "... the downloads too" contains "$BODY" '/staff/?lang=en&amp;region=KZ-75&amp;format=csv'
http GET '/staff/?lang=en&channel=api&sort=proposals' -b "$jar"
check "a channel: chosen in the form" contains "$BODY" '<option value="api" selected>'
check "... and sortable" eq "$(curl -s -b "$jar" "$BASE_URL/staff/?format=json&channel=api&sort=proposals" | jq '[.rows[].proposals] | . == (sort | reverse)')" true
check "... its numbers link with the channel" contains "$BODY" '&amp;channel=api">'
for bad in 'region=KZ-75&channel=api' 'topic=land&region=KZ-75' 'channel=fax' 'region=a%20b'; do
	http GET "/staff/?$bad" -b "$jar"
	check "$bad: 422" eq "$STATUS" 422
done

http GET '/staff/?format=json' -b "$jar"
doc=$BODY
total=$(printf '%s' "$doc" | jq .totals.all.proposals)
sum=$(printf '%s' "$doc" | jq '[.rows[].proposals] | add')
check "the total is the sum of the parts (each proposal is about one part)" eq "$total" "$sum"
recount=$(echo "SELECT count(*) FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
	WHERE c.slug = 'constitution-2026' AND p.status = 'published'" | sql)
check "the total equals an SQL recount of the published proposals" eq "$total" "$recount"
people=$(echo "SELECT count(DISTINCT p.submitter) FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
	WHERE c.slug = 'constitution-2026' AND p.status = 'published'" | sql)
check "people: distinct identified submitters (anonymous proposals are no person)" \
	eq "$(printf '%s' "$doc" | jq .totals.all.people)" "$people"
check "the as-of time and the queue are stated" test "$(printf '%s' "$doc" | jq -r '(.refreshed_at | length > 0) and (.queued_changes >= 0)')" = true

http GET '/staff/?format=csv' -b "$jar"
check "CSV: a download" contains "$(header Content-Disposition)" 'attachment; filename="kenes-dashboard.csv"'
check "CSV: its header" eq "$(printf '%s' "$BODY" | head -n 1 | tr -d '\r')" "key,label,version,proposals,texts,people,supports,support,oppose,amend"
check "CSV: one line per row on screen" eq "$(($(printf '%s\n' "$BODY" | wc -l) - 1))" "$(printf '%s' "$doc" | jq '.rows | length')"

for l in kk ru en; do
	http GET "/staff/?lang=$l" -b "$jar"
	check "HTML in $l" contains "$STATUS $BODY" "200 <!doctype html>"
	check "... with lang=$l" contains "$BODY" "<html lang=\"$l\">"
done
check "each count links to the proposals behind it" contains "$BODY" '/staff/proposals?lang=en&amp;consultation=constitution-2026&amp;target=article:7&amp;status=published&amp;version='
check "each part's name links to its page" contains "$BODY" 'href="/staff/parts/article:7?lang=en&amp;consultation=constitution-2026&amp;version='
check "the stance split is drawn" contains "$BODY" '<svg class="split"'
check "the downloads keep the filters" contains "$BODY" '/staff/?lang=en&amp;format=csv'
# Sorting (sort=, dir=): the same rows in the order asked, the CSV in the very same order.
keys() { json '[.rows[] | "\(.key)/\(.version)"]'; }
http GET '/staff/?format=json' -b "$jar"
natural=$(keys)
http GET '/staff/?format=json&sort=supports' -b "$jar"
check "sort=supports: largest first" eq "$(json '[.rows[].supports] | . == (sort | reverse)')" true
check "... the same rows" eq "$(keys | jq -c sort)" "$(echo "$natural" | jq -c sort)"
check "... stated in the JSON" eq "$(json ".sort | tojson")" '{"column":"supports","dir":"desc"}'
http GET '/staff/?format=json&sort=people&dir=asc&stance=support' -b "$jar"
check "sort=people&dir=asc with a stance: smallest first" eq "$(json '[.rows[].people] | . == sort')" true
http GET '/staff/?format=json&sort=target&dir=desc' -b "$jar"
check "sort=target&dir=desc: the draft's order reversed" eq "$(keys | jq -c reverse)" "$(echo "$natural" | jq -c .)"
http GET '/staff/?format=json&sort=proposals&dir=asc&version=all' -b "$jar"
sorted_keys=$(json "[.rows[] | .key] | tojson")
check "sort=proposals&dir=asc: smallest first" eq "$(json '[.rows[].proposals] | . == sort')" true
http GET '/staff/?format=csv&sort=proposals&dir=asc&version=all' -b "$jar"
csv_keys=$(printf '%s\n' "$BODY" | tail -n +2 | cut -d, -f1 | jq -R . | jq -sc .)
check "the CSV keeps the order on screen" eq "$csv_keys" "$sorted_keys"
http GET '/staff/?lang=en&topic=land&sort=supports' -b "$jar"
check "the sorted header says so (aria-sort)" contains "$BODY" '<th scope="col" aria-sort="descending"><a href="/staff/?lang=en&amp;topic=land&amp;sort=supports&amp;dir=asc">'
check "other headers sort by themselves, the filters kept" contains "$BODY" '<a href="/staff/?lang=en&amp;topic=land&amp;sort=people&amp;dir=desc">'
check "the downloads keep the order" contains "$BODY" '/staff/?lang=en&amp;topic=land&amp;sort=supports&amp;format=csv'
check "the filter form keeps the order" contains "$BODY" '<input type="hidden" name="sort" value="supports">'
http GET '/staff/?sort=label' -b "$jar"
check "an unknown sort column: 422" eq "$STATUS" 422
http GET '/staff/?sort=people&dir=up' -b "$jar"
check "an unknown direction: 422" eq "$STATUS" 422

# The page and its CSV are kept between refreshes (fcgi/memo.h): a new proposal shows in the
# queue at once and in the figures after the next refresh, never before, never later.
article7() { # the CSV's proposals of article:7, every version
	http GET '/staff/?format=csv&lang=en' -b "$jar"
	printf '%s' "$BODY" | python3 -c 'import csv, sys; print(sum(int(r[3]) for r in csv.reader(sys.stdin) if r[0] == "article:7"))'
}
queued() { # the page's queued changes
	http GET '/staff/?lang=en' -b "$jar"
	printf '%s' "$BODY" | sed -n 's/.*Queued changes: <strong>\([0-9]*\)<.*/\1/p'
}
before=$(article7)
q0=$(queued)
http GET '/staff/?lang=en' -b "$jar"
page0=$(printf '%s' "$BODY" | sed -n '/<form method="get"/,$p')
check "the page has its filters and tables" contains "$page0" '<table class="staff">'
http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
	"{\"consultation\":\"constitution-2026\",\"target\":\"article:7\",\"stance\":\"support\",\"text\":\"dashboard $run memo\",\"lang\":\"en\"}"
check "a new proposal" eq "$STATUS" 201
check "the queue counts it at once" test "$(queued)" -gt "$q0"
check "... the figures are still the refresh's" eq "$(article7)" "$before"
http GET '/staff/?lang=en' -b "$jar"
check "... the page below the queue is the same bytes" eq "$(printf '%s' "$BODY" | sed -n '/<form method="get"/,$p')" "$page0"
agg refresh >/dev/null 2>&1
check "after the refresh, the CSV counts it" eq "$(article7)" "$((before + 1))"
http GET '/staff/?lang=en' -b "$jar"
check "... the page is not the one before the refresh" not eq "$(printf '%s' "$BODY" | sed -n '/<form method="get"/,$p')" "$page0"

http GET '/staff/?from=2026-13-45' -b "$jar"
check "a malformed filter: 422" eq "$STATUS" 422
http GET '/staff/?bogus=1' -b "$jar"
check "an unknown parameter: 422" eq "$STATUS" 422
finish
