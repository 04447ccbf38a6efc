#!/usr/bin/env bash
# The workspace, the reports and SQL agree (issue 16, "Numbers users can trust"): for the
# same period, the dashboard's rows (proposals, people, supports per part and stance) equal
# those of a report written by kenes-aggregator from the same tallies, and the totals of both
# equal a plain-SQL recount of the published proposals. Runs on the e2e data and, through
# tests/aggregator/staff-scale.sh, on over 100,000 generated proposals.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$KENES_ADMIN_URL"; }
run=$$-$RANDOM
staff=$(agg token create --role staff --name "e2e staff-agreement $run")
http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
	"{\"consultation\":\"constitution-2026\",\"target\":\"article:3\",\"stance\":\"oppose\",\"topics\":[\"land\"],\"text\":\"agreement $run\",\"lang\":\"en\"}"
agg refresh >/dev/null 2>&1
check "refresh" eq "$?" 0

jar=$_tmp/jar
staff_sign_in "$jar" "$staff"

# A period from long before the consultation to today (the tallies' zone): every proposal.
zone=$(echo "SELECT coalesce((SELECT time_zone FROM kenes.tally_state), 'Asia/Almaty')" | sql)
from=2020-01-01 to=$(TZ=$zone date +%F)
rows='[.[] | select(.all.proposals > 0) | {key, version, all, support, oppose, amend}] | sort_by(.key, .version)'
http GET "/staff/?format=json&from=$from&to=$to" -b "$jar"
check "the dashboard answers" eq "$STATUS" 200
dash=$(printf '%s' "$BODY" | jq -c "[.rows[] | {key, version, all: {proposals, people, supports}} + .stances] | $rows")
dash_total=$(printf '%s' "$BODY" | jq -c '.totals.all | {proposals, people, supports}')
agg report --from "$from" --to "$to" --format json --no-refresh --out "$_tmp/report.json"
check "the report is written" eq "$?" 0
report=$(jq -c "[.parts[] | {key, version, all, support, oppose, amend}] | $rows" "$_tmp/report.json")
check "the dashboard has rows" test "$(echo "$dash" | jq length)" -gt 0
check "the dashboard and the report: the same parts, number for number" eq "$dash" "$report"
check "the dashboard's totals are the report's" eq "$dash_total" \
	"$(jq -c '.totals.period.all | {proposals, people, supports}' "$_tmp/report.json")"
recount=$(echo "WITH pub AS (SELECT p.id, p.submitter FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id
		WHERE c.slug = 'constitution-2026' AND p.status = 'published')
	SELECT json_build_object('proposals', (SELECT count(*) FROM pub),
		'people', (SELECT count(DISTINCT submitter) FROM pub),
		'supports', (SELECT count(*) FROM kenes.support s JOIN pub ON pub.id = s.proposal_id))" | sql | jq -c .)
check "the totals equal a plain-SQL recount of the published proposals" eq "$dash_total" "$recount"
finish
