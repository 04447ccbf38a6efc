#!/usr/bin/env bash
# Hostile input through real nginx: SQL injection payloads in every parameter, oversized
# headers, odd paths. Each gets a 4xx (or is stored as plain text), never a 5xx; the schema
# is untouched; nothing sleeps on command.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

payloads=(
	"' OR '1'='1"
	"'; DROP TABLE kenes.proposal; --"
	"1; SELECT pg_sleep(3)--"
	"' UNION SELECT submitter FROM kenes.proposal--"
	"\\\\'; SELECT 1; --"
	"article:4' AND 1=(SELECT 1 FROM pg_sleep(3))--"
	"\$\$; SELECT 1; \$\$"
	"%27%20OR%201=1--"
	"kenes.proposal_submit(NULL)"
	"E'\\\\x00'"
)
before=$(sql -c "SELECT count(*) FROM kenes.part")
fivexx=0
slow=0
probe() { # DESCRIPTION CURL-ARGS...
	local what=$1 code t
	shift
	read -r code t < <(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' "$@")
	case $code in 5*|000) fivexx=$((fivexx + 1)); echo "     $what -> $code" ;; esac
	awk -v t="$t" 'BEGIN { exit !(t > 2.5) }' && { slow=$((slow + 1)); echo "     $what took ${t}s"; }
}
fields=(consultation target stance text proposed_wording lang region iin)
for p in "${payloads[@]}"; do
	for f in "${fields[@]}"; do
		body=$(jq -cn --arg f "$f" --arg p "$p" '{target: "general", stance: "support", text: "x", lang: "en"} | .[$f] = $p')
		probe "JSON $f=$p" -X POST -H 'Content-Type: application/json' --data "$body" "$BASE_URL/api/v1/proposals"
		probe "form $f=$p" -X POST -H 'Content-Type: application/x-www-form-urlencoded' \
			--data-urlencode "$f=$p" "$BASE_URL/api/v1/proposals"
	done
	probe "topics=$p" -X POST -H 'Content-Type: application/json' \
		--data "$(jq -cn --arg p "$p" '{target: "general", stance: "support", text: "x", lang: "en", topics: [$p]}')" \
		"$BASE_URL/api/v1/proposals"
	for q in target sort page per_page consultation lang; do
		probe "list $q=$p" -G --data-urlencode "$q=$p" --data-urlencode "target=article:4" "$BASE_URL/api/v1/proposals"
		probe "page $q=$p" -G --data-urlencode "$q=$p" "$BASE_URL/proposals"
	done
	enc=$(jq -rn --arg p "$p" '$p | @uri')
	probe "path id $p" "$BASE_URL/api/v1/proposals/$enc"
	probe "consultation slug $p" "$BASE_URL/api/v1/consultations/$enc"
	probe "support path $p" -X POST -H 'Content-Type: application/json' --data '{"iin":"900101301233"}' \
		"$BASE_URL/api/v1/proposals/$enc/supports"
	probe "Idempotency-Key $p" -X POST -H 'Content-Type: application/json' -H "Idempotency-Key: $p" \
		--data '{"target":"general","stance":"support","text":"key probe","lang":"en"}' "$BASE_URL/api/v1/proposals"
	probe "Accept-Language $p" -H "Accept-Language: $p" "$BASE_URL/"
done
check "no injection payload gets a 5xx" eq "$fivexx" 0
check "no injection payload makes the database sleep" eq "$slow" 0
check "the schema is untouched" eq "$(sql -c "SELECT count(*) FROM kenes.part")" "$before"
check "payloads stored as text are the text" \
	eq "$(echo "SELECT count(*) FROM kenes.proposal WHERE text = :'p'" | sql -v p="'; DROP TABLE kenes.proposal; --")" 1

# Oversized and odd requests are nginx's to refuse, with a 4xx.
big=$(head -c 20000 /dev/zero | tr '\0' 'a')
http GET / -H "X-Big: $big"
check "a 20 KB header: 4xx from nginx" test "${STATUS:0:1}" = 4
http GET "/api/v1/proposals/$(head -c 9000 /dev/zero | tr '\0' '1')"
check "a 9 KB path: 4xx" test "${STATUS:0:1}" = 4
http GET "/api/v1/proposals/%00"
check "NUL in a path: 4xx" test "${STATUS:0:1}" = 4
http GET "/../../etc/passwd"
check "path traversal: 4xx" test "${STATUS:0:1}" = 4
http GET "/static/../../Makefile"
check "no escape from the static root" test "${STATUS:0:1}" = 4
http POST /api/v1/proposals -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary '{"target":"general","stance":"support","text":"chunked","lang":"en"}'
check "a chunked body is read (nginx buffers it)" eq "$STATUS" 201
finish
