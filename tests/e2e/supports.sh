#!/usr/bin/env bash
# One person, one voice, through real nginx: supports, IIN pseudonyms, idempotent retries,
# per-person caps, form tokens and cross-site refusals. The raw IINs used here must appear
# nowhere: not in a pg_dump of the database, not in the logs.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"

json_post() { # PATH BODY [curl args]
	local path=$1 body=$2
	shift 2
	http POST "$path" -H 'Content-Type: application/json' --data-binary "$body" "$@"
}
new_proposal() { # TEXT -> id
	json_post /api/v1/proposals "$(jq -cn --arg t "$1" '{target: "article:4", stance: "support", text: $t, lang: "ru"}')"
	json .id
}
support_rows() { echo "SELECT count(*) FROM kenes.support WHERE proposal_id = :'id'" | sql -v id="$1"; }

ALICE=$(iin 101)
BOB=$(iin 202)
CAROL=$(iin 303)
used_iins=("$ALICE" "$BOB" "$CAROL")

# --- supports over JSON -------------------------------------------------------------------
pid=$(new_proposal "Предложение для поддержки")
json_post "/api/v1/proposals/$pid/supports" "{\"iin\":\"$ALICE\"}"
check "first support 201" eq "$STATUS $(json .supported) $(json .supports)" "201 true 1"
json_post "/api/v1/proposals/$pid/supports" "{\"iin\":\"$ALICE\"}"
check "same person again 200, counted once" eq "$STATUS $(json .supports)" "200 1"
json_post "/api/v1/proposals/$pid/supports" "{\"iin\":\"$BOB\"}"
check "another person 201" eq "$STATUS $(json .supports)" "201 2"
http GET "/api/v1/proposals/$pid"
check "the proposal shows its support count" eq "$(json .supports)" 2
http DELETE "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/json' --data "{\"iin\":\"$BOB\"}"
check "DELETE withdraws" eq "$STATUS $(json .supported) $(json .supports)" "200 false 1"
check "one row left" eq "$(support_rows "$pid")" 1
json_post "/api/v1/proposals/$pid/supports" '{}'
check "support without IIN: 422 required on iin" eq "$STATUS $(json .error.code) $(json .error.field)" "422 required iin"
json_post "/api/v1/proposals/$pid/supports" '{"iin":"123456789012"}'
check "bad IIN: 422 invalid_iin" eq "$STATUS $(json .error.code) $(json .error.field)" "422 invalid_iin iin"
check "the message does not repeat the IIN" lacks "$BODY" 123456789012
json_post "/api/v1/proposals/$pid/supports" "{\"iin\":\"${ALICE:0:11}\"}"
check "11 digits: 422 invalid_iin" eq "$STATUS $(json .error.code)" "422 invalid_iin"
json_post /api/v1/proposals/999999999/supports "{\"iin\":\"$ALICE\"}"
check "unknown proposal 404" eq "$STATUS" 404
hidden=$(new_proposal "Скрытое предложение")
echo "UPDATE kenes.proposal SET status = 'hidden' WHERE id = :'id'" | sql -v id="$hidden"
json_post "/api/v1/proposals/$hidden/supports" "{\"iin\":\"$ALICE\"}"
check "hidden proposal 404" eq "$STATUS" 404
http GET "/api/v1/proposals/$pid/supports"
check "GET on supports 405" eq "$STATUS $(header Allow)" "405 POST, DELETE"
echo "UPDATE kenes.consultation SET status = 'closed' WHERE slug = 'constitution-2026'" | sql
json_post "/api/v1/proposals/$pid/supports" "{\"iin\":\"$CAROL\"}"
check "closed consultation 409" eq "$STATUS $(json .error.code)" "409 consultation_closed"
echo "UPDATE kenes.consultation SET status = 'open' WHERE slug = 'constitution-2026'" | sql
sleep 1.1 # the handler's structure cache (structure_ttl=1 in the tests)

# --- 50 concurrent supports by one person --------------------------------------------------
race=$(new_proposal "Гонка поддержек")
seq 50 | xargs -P 50 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
	-H 'Content-Type: application/json' --data "{\"iin\":\"$CAROL\"}" \
	"$BASE_URL/api/v1/proposals/$race/supports" >"$_tmp/race"
check "50 concurrent supports: one 201" eq "$(grep -c '^201$' "$_tmp/race")" 1
check "50 concurrent supports: 49 times 200" eq "$(grep -c '^200$' "$_tmp/race")" 49
check "exactly one support stored" eq "$(support_rows "$race")" 1
check "support_count agrees" eq "$(echo "SELECT support_count FROM kenes.proposal WHERE id = :'id'" | sql -v id="$race")" 1

# --- group commit: many people at once ------------------------------------------------------
metric() { curl -s "$BASE_URL/metrics" | awk -v n="$1" '$1 == n { print $2 }'; }
# N concurrent supports of proposal $1 by the IINs in file $2; codes in $2.codes, bodies in $2.N
crowd_support() {
	awk '{ print NR, $1 }' "$2" | xargs -P 60 -n 2 sh -c 'curl -s -o "$0.$2" -w "%{http_code}\n" -X POST \
		-H "Content-Type: application/json" --data "{\"iin\":\"$3\"}" "$1"' "$2" "$BASE_URL/api/v1/proposals/$1/supports" \
		>"$2.codes"
}
people() { # FIRST LAST: distinct IINs (two serials may give one IIN)
	for n in $(seq "$1" "$2"); do iin "$n"; done | awk '!seen[$0]++'
}
# While another session holds off inserts into kenes.support, the writers' first batches wait
# and everything else queues up behind them, as under load when commits take their time.
hold_supports() { # SECONDS
	sql -c "BEGIN; LOCK TABLE kenes.support IN SHARE MODE; SELECT pg_sleep($1); COMMIT" >/dev/null &
	sleep 0.3
}
# The same, but inserts stay held off until every one of the crowd's requests is out (and
# 0.7 s more, for them to reach the handler), up to 3 s: on a loaded machine, starting 60
# curls took longer than a fixed 2 s hold, and most came after it, alone.
crowd_held() { # PROPOSAL FILE
	local fifo=$_tmp/hold.fifo n
	n=$(wc -l <"$2")
	mkfifo "$fifo"
	psql -X -q -d "$KENES_ADMIN_URL" <"$fifo" >/dev/null 2>&1 &
	exec 4>"$fifo"
	echo "BEGIN; LOCK TABLE kenes.support IN SHARE MODE;" >&4
	for _ in $(seq 100); do
		[ "$(sql -c "SELECT count(*) FROM pg_locks WHERE relation = 'kenes.support'::regclass AND mode = 'ShareLock' AND granted")" -ge 1 ] && break
		sleep 0.1
	done
	crowd_support "$1" "$2" &
	# At most 3 s from the first request, in microseconds (SECONDS counts whole seconds and
	# once let a hold reach the handler's 5 s statement_timeout): the held supports fail then.
	local t0=${EPOCHREALTIME//[!0-9]/} out=0 now
	while now=${EPOCHREALTIME//[!0-9]/} && [ $((now - t0)) -lt 3000000 ]; do
		if [ "$out" = 0 ]; then
			[ "$(pgrep -c -f "^curl .*/proposals/$1/supports")" -ge "$n" ] && out=$now
		elif [ $((now - out)) -ge 700000 ]; then
			break # every request out, and 0.7 s for the last ones to reach the handler
		fi
		sleep 0.1
	done
	echo "COMMIT;" >&4
	exec 4>&-
	wait
	rm -f "$fifo"
}
crowd=$(new_proposal "Поддержка многими сразу")
people 1001 1100 | head -60 >"$_tmp/crowd"
mapfile -t -O "${#used_iins[@]}" used_iins <"$_tmp/crowd"
batches=$(metric kenes_support_commit_batch_size_count)
jobs=$(metric kenes_support_commit_batch_size_sum)
small=$(metric 'kenes_support_commit_batch_size_bucket{le="2"}')
crowd_held "$crowd" "$_tmp/crowd"
check "60 people at once: 60 times 201" eq "$(sort "$_tmp/crowd.codes" | uniq -c | awk '{ printf "%sx%s ", $1, $2 }')" "60x201 "
check "60 people at once: 60 rows, counted" eq "$(support_rows "$crowd") $(echo "SELECT support_count FROM kenes.proposal WHERE id = :'id'" | sql -v id="$crowd")" "60 60"
check "each answer counts the supports up to it: 1 to 60" eq \
	"$(cat "$_tmp"/crowd.[0-9]* | jq -r .supports | sort -n | paste -sd' ')" "$(seq 60 | paste -sd' ')"
batches=$(($(metric kenes_support_commit_batch_size_count) - batches))
jobs=$(($(metric kenes_support_commit_batch_size_sum) - jobs))
small=$(($(metric 'kenes_support_commit_batch_size_bucket{le="2"}') - small))
transactions=$(echo "SELECT count(DISTINCT created_at) FROM kenes.support WHERE proposal_id = :'id'" | sql -v id="$crowd")
echo "     60 concurrent supports: $batches batches ($transactions transactions), $((batches - small)) of more than 2"
check "group commit: the 60 went through the batches" eq "$jobs" 60
# A worker's 8 request threads and 2 writers: while both writers wait, the other 6 queue
# and go together (later arrivals find the writers free, and go alone or in twos).
check "group commit: fewer transactions than supports" test "$batches" -lt 50 -a "$transactions" -le "$batches"
check "group commit: some batches of more than two" test "$((batches - small))" -ge 1

# Good supports, a person who already supports, a hidden and an unknown proposal, at once.
people 2001 2100 | head -20 >"$_tmp/mixed"
mapfile -t -O "${#used_iins[@]}" used_iins <"$_tmp/mixed"
head -1 "$_tmp/crowd" >>"$_tmp/mixed"
hold_supports 2
crowd_support "$crowd" "$_tmp/mixed" &
mixed=$!
json_post "/api/v1/proposals/$hidden/supports" "{\"iin\":\"$(iin 2500)\"}" &
json_post "/api/v1/proposals/999999998/supports" "{\"iin\":\"$(iin 2501)\"}" >/dev/null &
wait
check "mixed: the 20 new ones 201, the one who already supports 200" eq \
	"$(sort "$_tmp/mixed.codes" | uniq -c | awk '{ print $2 "x" $1 }' | paste -sd' ')" "200x1 201x20"
check "mixed: the 200 is already_supported" eq "$(jq -r .supported "$_tmp/mixed.21")" true
json_post "/api/v1/proposals/$hidden/supports" "{\"iin\":\"$(iin 2500)\"}"
check "mixed: hidden proposal 404" eq "$STATUS $(json .error.code)" "404 not_found"
check "mixed: only the good ones stored" eq "$(support_rows "$crowd") $(support_rows "$hidden")" "80 0"

# At low load a support waits for nothing but its own commit: a batch of one, and about the
# time of a withdrawal, which does not go through the batches.
lone=$(new_proposal "Одна поддержка")
singles=$(metric 'kenes_support_commit_batch_size_bucket{le="1"}')
for n in 1 2 3 4 5; do
	person=$(iin $((2200 + n)))
	used_iins+=("$person")
	curl -s -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: application/json' \
		--data "{\"iin\":\"$person\"}" "$BASE_URL/api/v1/proposals/$lone/supports" >>"$_tmp/lone.add"
	curl -s -o /dev/null -w '%{time_total}\n' -X DELETE -H 'Content-Type: application/json' \
		--data "{\"iin\":\"$person\"}" "$BASE_URL/api/v1/proposals/$lone/supports" >>"$_tmp/lone.withdraw"
done
median() { sort -n "$1" | sed -n 3p; }
echo "     lone support: median $(median "$_tmp/lone.add") s; withdrawal $(median "$_tmp/lone.withdraw") s"
check "a lone support is committed in a batch of its own" eq \
	"$(($(metric 'kenes_support_commit_batch_size_bucket{le="1"}') - singles))" 5
# The quickest of the five supports against the typical withdrawal: a support held back for
# a batch would be slow every time, while the suite's other lanes make any one request slow.
check "a lone support is not delayed" awk -v a="$(sort -n "$_tmp/lone.add" | head -1)" \
	-v w="$(median "$_tmp/lone.withdraw")" 'BEGIN { exit !(a < 2 * w + 0.02) }'

# --- a retry storm: 200 requests over 20 keys, concurrent, retrying on 409 -----------------
storm=storm-$RANDOM$RANDOM
mkdir -p "$_tmp/storm"
one_request() { # N: key N % 20, retried while the first with that key is in flight
	local n=$1 k=$(($1 % 20)) code
	for _ in $(seq 50); do
		code=$(curl -s -o "$_tmp/storm/$n.body" -w '%{http_code}' -X POST \
			-H 'Content-Type: application/json' -H "Idempotency-Key: $storm-key-$k" \
			--data "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"$storm $k\"}" \
			"$BASE_URL/api/v1/proposals")
		[ "$code" != 409 ] && break
		sleep 0.05
	done
	echo "$k $code" >"$_tmp/storm/$n.status"
}
export -f one_request
export BASE_URL storm _tmp
seq 0 199 | xargs -P 40 -I{} bash -c 'one_request {}'
check "storm: every request answered 201" eq "$(cat "$_tmp"/storm/*.status | awk '{print $2}' | sort -u)" 201
check "storm: exactly 20 rows" eq "$(echo "SELECT count(*) FROM kenes.proposal WHERE text LIKE :'p'" | sql -v p="$storm %")" 20
replays_ok=1
for k in $(seq 0 19); do
	first=""
	for n in $(seq "$k" 20 199); do
		if [ -z "$first" ]; then first=$n; continue; fi
		cmp -s "$_tmp/storm/$first.body" "$_tmp/storm/$n.body" || { replays_ok=0; echo "     key $k: $n differs from $first"; }
	done
done
check "storm: each replay identical to its first response" eq "$replays_ok" 1
json_post /api/v1/proposals '{"target":"general","stance":"support","lang":"en","text":"another body"}' \
	-H "Idempotency-Key: $storm-key-3"
check "key reused with another body: 422" eq "$STATUS $(json .error.code)" "422 idempotency_key_reused"
json_post /api/v1/proposals '{"target":"general","stance":"support","lang":"en","text":"x"}' \
	-H "Idempotency-Key: has space"
check "malformed Idempotency-Key: 400" eq "$STATUS $(json .error.code)" "400 invalid_idempotency_key"
json_post /api/v1/proposals '{"target":"general","stance":"support","lang":"en","text":"x"}' \
	-H "Idempotency-Key: $(printf 'k%.0s' $(seq 300))"
check "Idempotency-Key over 255 characters: 400" eq "$STATUS" 400

# --- per-person cap on proposals (10 an hour in the default configuration) ----------------
DAN=$(iin 404)
used_iins+=("$DAN")
for i in $(seq 10); do
	json_post /api/v1/proposals "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"cap $i\",\"iin\":\"$DAN\"}"
	[ "$STATUS" = 201 ] || break
done
check "10 proposals by one person accepted" eq "$STATUS" 201
json_post /api/v1/proposals "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"cap 11\",\"iin\":\"$DAN\"}"
check "the 11th in an hour: 429" eq "$STATUS $(json .error.code)" "429 rate_limited"
check "429 says when to retry" test "$(header Retry-After)" -gt 0
json_post /api/v1/proposals '{"target":"general","stance":"support","lang":"en","text":"anonymous is not capped per person"}'
check "anonymous proposals are not capped per person" eq "$STATUS" 201
check "the pseudonym is stored, 32 bytes" eq "$(echo "SELECT DISTINCT octet_length(submitter) FROM kenes.proposal WHERE text LIKE 'cap %'" | sql)" 32

# --- the form: token, support, resubmission -------------------------------------------------
token_of() { curl -s "$BASE_URL$1" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' | head -1; }
tok=$(token_of "/proposals/$pid?lang=ru")
check "the proposal page carries a form token" test -n "$tok"
form_support() {
	http POST "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/x-www-form-urlencoded' \
		--data-urlencode "form_token=$tok" --data-urlencode "iin=$CAROL" --data-urlencode ui_lang=ru "$@"
}
form_support --data-urlencode action=support
check "form support 303 back to the proposal" contains "$STATUS $(header Location)" "303 /proposals/$pid?lang=ru&done=created"
form_support --data-urlencode action=support
check "the same form sent twice: the same answer" contains "$STATUS $(header Location)" "303 /proposals/$pid?lang=ru&done=created"
check "counted once" eq "$(support_rows "$pid")" 2
tok=$(token_of "/proposals/$pid?lang=ru")
form_support --data-urlencode action=support
check "the same person from a fresh form: already supported" contains "$(header Location)" "done=already_supported"
json_post "/api/v1/proposals/$pid/supports" "{\"iin\":\"$CAROL\"}"
check "and once more via the API: 200" eq "$STATUS $(json .supports)" "200 2"
check "still one support from this person" eq "$(support_rows "$pid")" 2
http GET "/proposals/$pid?lang=ru&done=created"
check "the page confirms" contains "$BODY" "Ваша поддержка учтена."
check "the page shows the count" contains "$BODY" '<dd class="supports">2</dd>'
tok=$(token_of "/proposals/$pid?lang=ru")
form_support --data-urlencode action=withdraw
check "form withdraw" contains "$STATUS $(header Location)" "303 /proposals/$pid?lang=ru&done=withdrawn"
check "withdrawn" eq "$(support_rows "$pid")" 1
tok=$(token_of "/proposals/$pid?lang=ru")
form_support --data-urlencode action=withdraw
check "withdrawing a support that is not there" contains "$STATUS $(header Location)" "303 /proposals/$pid?lang=ru&done=not_supported"
http GET "/proposals/$pid?lang=ru&done=not_supported"
check "says there was nothing to withdraw" contains "$BODY" "Вы не поддерживали это предложение"
check "not that it was withdrawn" lacks "$BODY" "Ваша поддержка отозвана"
# A browser's form never gets JSON back: an expired or missing token shows the page again.
for form in "supports" "report-identity"; do
	http POST "/api/v1/proposals/$pid/$form" -H 'Content-Type: application/x-www-form-urlencoded' \
		--data-urlencode "form_token=1.expired" --data-urlencode "iin=$CAROL" --data-urlencode ui_lang=ru
	check "$form form with an expired token: 403 as a page" eq "$STATUS $(header Content-Type)" "403 text/html; charset=utf-8"
	check "$form form with an expired token: says why, in Russian" contains "$BODY" "Срок действия формы истёк"
	check "$form form with an expired token: the proposal's page" contains "$BODY" "/api/v1/proposals/$pid/supports"
done
http POST "/api/v1/proposals/999999999/supports" -H 'Content-Type: application/x-www-form-urlencoded' \
	--data-urlencode "form_token=$(token_of "/proposals/$pid?lang=en")" --data-urlencode "iin=$CAROL" --data-urlencode ui_lang=en
check "a form on a proposal that does not exist: 404 as a page" eq "$STATUS $(header Content-Type)" "404 text/html; charset=utf-8"
tok=$(token_of "/proposals/$pid?lang=ru")
http POST "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/x-www-form-urlencoded' \
	--data-urlencode "form_token=$tok" --data-urlencode "iin=000000000000" --data-urlencode ui_lang=ru
check "form with a bad IIN: the page again, 422" eq "$STATUS" 422
check "the error is beside the IIN field" contains "$BODY" 'id="e-iin"'
check "the IIN is not echoed" lacks "$BODY" 000000000000

tok=$(token_of "/?lang=en")
resubmit() {
	http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' \
		--data-urlencode "form_token=$tok" --data-urlencode target=general --data-urlencode stance=oppose \
		--data-urlencode "text=resubmitted $storm" --data-urlencode lang=en --data-urlencode ui_lang=en
}
resubmit
first=$(header Location)
resubmit
check "a resubmitted form stores one proposal" eq "$(echo "SELECT count(*) FROM kenes.proposal WHERE text = :'t'" | sql -v t="resubmitted $storm")" 1
check "and both answers lead to the same receipt" eq "$(header Location)" "$first"

# --- cross-site and token-less forms are refused -------------------------------------------
tok=$(token_of "/")
http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: https://evil.example' \
	--data "form_token=$tok&target=general&stance=support&text=csrf&lang=en"
check "cross-site Origin: 403" eq "$STATUS $(json .error.code)" "403 cross_site"
http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' -H 'Sec-Fetch-Site: cross-site' \
	--data "form_token=$tok&target=general&stance=support&text=csrf&lang=en"
check "Sec-Fetch-Site cross-site: 403" eq "$STATUS" 403
http POST /api/v1/proposals -H 'Content-Type: application/json' -H 'Sec-Fetch-Site: cross-site' \
	--data '{"target":"general","stance":"support","text":"csrf","lang":"en"}'
check "cross-site JSON: 403 too" eq "$STATUS" 403
http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' \
	--data "target=general&stance=support&text=csrf&lang=en&ui_lang=en"
check "form without a token: 403 and the form again" eq "$STATUS $(header Content-Type)" "403 text/html; charset=utf-8"
check "the form says why" contains "$BODY" "The form had expired"
http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' \
	--data "form_token=${tok:0:10}$([ "${tok:10:1}" = A ] && echo B || echo A)${tok:11}&target=general&stance=support&text=csrf&lang=en"
check "forged token: 403" eq "$STATUS" 403
http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' -H "Origin: $BASE_URL" \
	-H 'Sec-Fetch-Site: same-origin' --data "form_token=$tok&target=general&stance=support&text=same%20origin&lang=en"
check "same-origin form: 303" eq "$STATUS" 303
check "no CSRF row stored" eq "$(echo "SELECT count(*) FROM kenes.proposal WHERE text = 'csrf'" | sql)" 0

# --- lists -------------------------------------------------------------------------------------
# Three more on article 4, so that its list has a second page even when this suite runs alone.
for n in 1 2 3; do new_proposal "Для списка $n" >/dev/null; done
http GET "/api/v1/proposals?target=article:4&sort=supported&per_page=2"
check "list by support: the most supported first" eq "$STATUS $(json '.items[0].supports >= .items[1].supports')" "200 true"
check "list pages" eq "$(json .has_more) $(json '.items | length')" "true 2"
http GET "/api/v1/proposals?target=article:4&sort=newest&page=2&per_page=1"
check "page 2" eq "$STATUS $(json .page) $(json '.items | length')" "200 2 1"
page2_id=$(json '.items[0].id')
# Cursors: walking the whole list by next_after, each sort, gives every published proposal on
# the part once, in the order SQL gives, the same page as page= and no cursor on the last page.
for sort in newest supported; do
	case $sort in
	newest) order="p.created_at DESC, p.id DESC" ;;
	supported) order="p.support_count DESC, p.id DESC" ;;
	esac
	want=$(echo "SELECT string_agg(p.id::text, ' ' ORDER BY $order) FROM kenes.proposal p
		JOIN kenes.part pt ON pt.id = p.part_id JOIN kenes.draft_version v ON v.id = pt.version_id
		JOIN kenes.consultation c ON c.id = v.consultation_id AND c.slug = 'constitution-2026'
		WHERE v.is_current AND pt.kind = 'article' AND pt.number = 4 AND p.status = 'published'" | sql)
	got="" after="" pages=0
	while :; do
		http GET "/api/v1/proposals?target=article:4&sort=$sort&per_page=2${after:+&after=$after}"
		[ "$STATUS" = 200 ] || break
		got="$got $(json '[.items[].id] | map(tostring) | join(" ")')"
		pages=$((pages + 1))
		after=$(json '.next_after // empty')
		[ -n "$after" ] && [ "$pages" -lt 200 ] || break
	done
	check "cursor walk ($sort): every proposal once, in order" eq "$(echo $got)" "$want"
	check "cursor walk ($sort): the last page has has_more false" eq "$(json .has_more)" false
done
http GET "/api/v1/proposals?target=article:4&sort=newest&per_page=1"
http GET "/api/v1/proposals?target=article:4&sort=newest&per_page=1&after=$(json .next_after)"
check "after= the first page's cursor is page 2" eq "$(json '.items[0].id')" "$page2_id"
http GET "/api/v1/proposals?target=article:4&sort=supported&per_page=1&after=$(printf n1.1)"
check "a newest cursor with sort=supported: 422" eq "$STATUS $(json .error.field)" "422 after"
http GET "/api/v1/proposals?target=article:4&sort=newest&after=n1.x"
check "a malformed cursor: 422" eq "$STATUS $(json .error.field)" "422 after"
http GET "/proposals?target=article:4&sort=newest&per_page=1&lang=en"
check "HTML list: the next link carries the cursor" contains "$BODY" "&amp;after=n"
http GET "/api/v1/proposals?target=article:99"
check "list of an unknown part: 422" eq "$STATUS $(json .error.field)" "422 target"
http GET "/api/v1/proposals?target=article:4&sort=random"
check "bad sort: 422" eq "$STATUS $(json .error.field)" "422 sort"
http GET "/proposals?target=article:4&sort=supported&lang=kk"
check "HTML list" eq "$STATUS" 200
check "HTML list links to the proposals" contains "$BODY" "/proposals/$pid?lang=kk"

# --- the raw IINs are nowhere ------------------------------------------------------------------
pg_dump -d "$KENES_ADMIN_URL" >"$_tmp/dump.sql"
check "pg_dump taken" test -s "$_tmp/dump.sql"
for x in "${used_iins[@]}"; do
	check "IIN absent from the database dump" not grep -q "$x" "$_tmp/dump.sql"
	check "IIN absent from the handler log" not grep -q "$x" "$KENES_HANDLER_LOG"
	check "IIN absent from nginx's access log" not grep -q "$x" "$KENES_ACCESS_LOG"
done

finish
