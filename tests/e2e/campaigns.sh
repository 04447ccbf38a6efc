#!/usr/bin/env bash
# Done when, tried as a new user would: a burst of one form letter with small variations,
# sent through the public API by twelve people, shows up after the next refresh as one
# campaign with its signer count: in the report (flagged as a burst) and in the tallies API
# ("N proposals, M distinct texts"). Unrelated proposals on the same article stay apart.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
# The day (local) this suite began: a range "since then" still holds its proposals when
# midnight passes while it runs (tests/clocks.sh runs it a minute before one).
since=$(echo "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date" | sql)
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator KENES_WEEKLY_REPORTS=0 "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
C=constitution-2026
article=article:$((30 + RANDOM % 40))

greetings=("Уважаемая Комиссия!" "" "Здравствуйте." "Добрый день!" "" "Уважаемые депутаты," "" "Дорогая Комиссия" "" "Привет!" "" "Уважаемые члены Комиссии!")
body=("Прошу записать в этой статье, что местные бюджеты формируются открыто и публикуются полностью." "Каждый житель должен иметь право участвовать в обсуждении бюджета своего района." "Отчёты акимов о расходах должны быть доступны в интернете в течение месяца.")
ids=()
others=()
for i in $(seq 0 11); do
	b=("${body[@]}")
	[ $((i % 3)) = 1 ] && b=("${body[1]}" "${body[0]}" "${body[2]}")     # two sentences swapped
	text="${greetings[i]} ${b[*]}"
	[ $((i % 4)) = 2 ] && text=${text/бюджеты/бюджетты}                  # a typo
	[ $((i % 5)) = 3 ] && text=${text//о/o}                               # Latin o for Cyrillic о
	[ $((i % 6)) = 5 ] && text="$text С уважением, житель № $i."
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"$(jq -nc --arg t "$text" --arg c "$C" --arg a "$article" --arg iin "$(iin $((8800 + i)))" \
			'{consultation: $c, target: $a, stance: "amend", text: $t, lang: "ru", region: "KZ-75", iin: $iin}')"
	[ "$STATUS" = 201 ] && ids+=("$(json .id)")
done
check "twelve people sent the letter" eq "${#ids[@]}" 12
# And one copy without an IIN: a proposal of the campaign, but no person (as in the tallies).
http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
	"$(jq -nc --arg t "${greetings[0]} ${body[*]}" --arg c "$C" --arg a "$article" \
		'{consultation: $c, target: $a, stance: "amend", text: $t, lang: "ru", region: "KZ-75"}')"
check "an anonymous copy" eq "$STATUS" 201
anonymous=$(json .id)
# (numbered, so that a second run on the same database does not make them exact duplicates)
for t in "Статья о бюджете хороша, но я против публикации расходов обороны ($$ $RANDOM)." \
	"Предлагаю убрать из статьи слово «открыто», оно ничего не значит ($$ $RANDOM)."; do
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"$(jq -nc --arg t "$t" --arg c "$C" --arg a "$article" '{consultation: $c, target: $a, stance: "oppose", text: $t, lang: "ru"}')"
	check "an unrelated proposal on the same article" eq "$STATUS" 201
	others+=("$(json .id)")
done

check "the next refresh succeeds" agg refresh 2>"$_tmp/refresh.log"
campaign=$(sql -c "SELECT DISTINCT campaign_id FROM kenes.campaign_member WHERE proposal_id IN ($(IFS=,; echo "${ids[*]}"))")
check "all twelve are one campaign" eq "$(echo "$campaign" | wc -l) $(sql -c "SELECT count(*) FROM kenes.campaign_member WHERE campaign_id = ${campaign:-0} AND proposal_id IN ($(IFS=,; echo "${ids[*]}"))")" "1 12"
check "the anonymous copy is in it" eq "$(sql -c "SELECT campaign_id FROM kenes.campaign_member WHERE proposal_id = ${anonymous:-0}")" "$campaign"
check "the unrelated ones are not in it" eq "$(sql -c "SELECT count(*) FROM kenes.campaign_member WHERE campaign_id = ${campaign:-0} AND proposal_id IN ($(IFS=,; echo "${others[*]}"))")" 0

today=$(sql -c "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date")
agg report --from "$since" --to "$today" --format json --out "$_tmp/r.json"
BODY=$(cat "$_tmp/r.json")
item=".campaigns.items[] | select(.id == ${campaign:-0})"
# On a fresh database (make check) the campaign is exactly these twelve; a rerun on the same
# database adds to it, so the counts are compared with the database's own.
members="FROM kenes.campaign_member m JOIN kenes.proposal p ON p.id = m.proposal_id WHERE m.campaign_id = ${campaign:-0} AND p.status = 'published' AND (p.created_at AT TIME ZONE 'Asia/Almaty')::date BETWEEN '$since' AND '$today'"
check "the report lists the campaign with all its proposals" eq "$(json "$item | .proposals")" "$(sql -c "SELECT count(*) $members")"
check "with its signer count" eq "$(json "$item | .people")" "$(sql -c "SELECT count(DISTINCT p.submitter) $members")"
check "at least our twelve signers" test "$(json "$item | .people")" -ge 12
check "the anonymous copy counts as a proposal, not a person" test \
	"$(json "$item | .proposals")" -gt "$(json "$item | .people")"
# A burst: ten or more of the campaign's proposals in the period within one calendar minute,
# counted over the same members as the report (the anonymous copy too: with the twelve split
# across a minute's end by a loaded machine, it can make the tenth).
check "flagged as a burst (ten in one minute), as a recount says" eq "$(json "$item | .burst")" "$(sql -c "SELECT CASE WHEN max(n) >= 10 THEN 'true' ELSE 'false' END FROM (SELECT count(*) AS n $members GROUP BY date_trunc('minute', p.created_at)) x")"
check "and its text" contains "$(json "$item | .excerpt")" "местные бюджеты"

analyst=$(agg token create --role analyst --name "e2e campaigns" 2>/dev/null)
http GET "/api/v1/tallies?consultation=$C&by=article" -H "Authorization: Bearer $analyst"
check "tallies: 200" eq "$STATUS" 200
row=".rows[] | select(.key == \"$article\")"
check "tallies: N proposals on the article" test "$(json "$row | .proposals")" -ge 14
check "tallies: M distinct texts, the campaign counted once" eq "$(json "$row | .proposals - .texts")" \
	"$(sql -c "SELECT count(*) - count(DISTINCT coalesce(-m.campaign_id, p.id)) FROM kenes.proposal p JOIN kenes.part pt ON pt.id = p.part_id LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id WHERE p.status = 'published' AND kenes.part_target(pt) = '$article' AND p.consultation_id = (SELECT id FROM kenes.consultation WHERE slug = '$C')")"
check "tallies: at least the eleven copies collapsed" test "$(json "$row | .proposals - .texts")" -ge 11
check "tallies: the whole consultation too" eq "$(json '.campaigns.texts < .campaigns.proposals')" true
http GET "/api/v1/tallies?consultation=$C&by=article&from=$since&to=$today" -H "Authorization: Bearer $analyst"
check "tallies over a range: no collapsed counts (they are all-time)" eq "$(json '.campaigns == null')" true

finish
