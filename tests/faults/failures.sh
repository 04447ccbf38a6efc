#!/usr/bin/env bash
# Injected allocation and libpq failures (tests/faults/failshim.c, LD_PRELOAD'ed into the
# handler by tests/run-all.sh with FAILSHIM=MODE:N): clients submit proposals with two
# topics each, and at the same time other clients support one proposal, one person per
# support, each request with its own Idempotency-Key, retrying on 5xx as a real client
# would. Every answer is a 201 or a clean 5xx (never a 4xx for a valid request, never a
# cut-off response), every proposal ends up stored exactly once with both of its topics (no
# partial rows), every support exactly once and counted, failures really were injected, and
# the handler still serves afterwards.
#
# Needs BASE_URL, KENES_ADMIN_URL, KENES_HANDLER_LOG; MODE (a name for the messages).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"

CLIENTS=${CLIENTS:-4}
PER_CLIENT=${PER_CLIENT:-15}
MODE=${MODE:-failures}
run=x$RANDOM$RANDOM
mkdir -p "$_tmp/answers"

# POSTs BODY to PATH with Idempotency-Key KEY until it gets a 201 (40 tries, same key and
# body each time); every answer's status goes to LOG, the last body to answers/KEY.body.
post_until_201() { # PATH KEY BODY LOG
	local code
	for _ in $(seq 40); do
		code=$(curl -s -m 10 -o "$_tmp/answers/$2.body" -w '%{http_code}' -X POST \
			-H 'Content-Type: application/json' -H "Idempotency-Key: $2" \
			--data "$3" "$BASE_URL$1")
		echo "$code $2" >>"$4"
		[ "$code" = 201 ] && return
		sleep 0.1
	done
}
# One client: PER_CLIENT proposals.
client() { # N
	local n=$1 i key
	for i in $(seq "$PER_CLIENT"); do
		key=$run-$n-$i
		post_until_201 /api/v1/proposals "$key" \
			"{\"target\":\"article:$((i % 9 + 1))\",\"stance\":\"amend\",\"lang\":\"en\",\"text\":\"failure $key\",\"proposed_wording\":\"wording $key\",\"topics\":[\"sovereignty\",\"language\"]}" \
			"$_tmp/answers/client-$n"
	done
}
# One supporter: PER_CLIENT people (lines of $_tmp/people) support $target.
supporter() { # N
	local n=$1 i person
	for i in $(seq "$PER_CLIENT"); do
		person=$(sed -n "$(((n - 1) * PER_CLIENT + i))p" "$_tmp/people")
		post_until_201 "/api/v1/proposals/$target/supports" "$run-support-$n-$i" "{\"iin\":\"$person\"}" \
			"$_tmp/answers/supporter-$n"
	done
}
total=$((CLIENTS * PER_CLIENT))
for n in $(seq 5000 5999); do iin "$n"; done | awk '!seen[$0]++' | head -"$total" >"$_tmp/people"
target=""
for _ in $(seq 40); do
	code=$(curl -s -m 10 -o "$_tmp/target" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
		-H "Idempotency-Key: $run-target" --data '{"target":"general","stance":"support","lang":"en","text":"support target '$run'"}' \
		"$BASE_URL/api/v1/proposals")
	[ "$code" = 201 ] && target=$(jq -r .id "$_tmp/target") && break
	sleep 0.1
done
export -f post_until_201 client supporter
export BASE_URL PER_CLIENT run _tmp target

seq "$CLIENTS" | xargs -P "$CLIENTS" -I{} bash -c 'client {}' &
seq "$CLIENTS" | xargs -P "$CLIENTS" -I{} bash -c 'supporter {}'
wait
cat "$_tmp"/answers/client-* >"$_tmp/all"
cat "$_tmp"/answers/supporter-* >"$_tmp/supports"
echo "     $MODE: $(wc -l <"$_tmp/supports") support answers: $(awk '{ print $1 }' "$_tmp/supports" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
echo "     $MODE: $(wc -l <"$_tmp/all") answers: $(awk '{ print $1 }' "$_tmp/all" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
injected=$(grep -c "failshim: " "$KENES_HANDLER_LOG")
echo "     $MODE: $injected failures injected"

check "$MODE: failures were injected" test "$injected" -ge 5
check "$MODE: every answer a 201 or a 5xx" eq "$(awk '$1 != 201 && $1 !~ /^5[0-9][0-9]$/' "$_tmp/all" | wc -l)" 0
awk '$1 != 201 && $1 !~ /^5[0-9][0-9]$/' "$_tmp/all" | head -5
check "$MODE: every proposal acknowledged in the end" eq "$(awk '$1 == 201 { print $2 }' "$_tmp/all" | sort -u | wc -l)" "$total"
check "$MODE: every support answer a 201 or a 5xx" eq "$(awk '$1 != 201 && $1 !~ /^5[0-9][0-9]$/' "$_tmp/supports" | wc -l)" 0
awk '$1 != 201 && $1 !~ /^5[0-9][0-9]$/' "$_tmp/supports" | head -5
check "$MODE: every support acknowledged in the end" eq "$(awk '$1 == 201 { print $2 }' "$_tmp/supports" | sort -u | wc -l)" "$total"
check "$MODE: each support stored once, and counted" eq "$(echo "SELECT count(*), (SELECT support_count FROM kenes.proposal
	WHERE id = :'id') FROM kenes.support WHERE proposal_id = :'id'" | sql -v id="$target")" "$total|$total"
# Every answer's body on a line of its own, for one jq over all of them (a jq a file cost
# this suite a third of its CPU): JSON has no raw newline inside a document to lose.
for f in "$_tmp"/answers/*.body; do
	[ -s "$f" ] || continue
	read -r -d '' b <"$f"
	printf '%s\n' "${b//$'\n'/}"
done >"$_tmp/bodies"
# 5xx answers carry the JSON error shape (nginx's own 502 when a worker died is HTML).
bad=$(jq -R -r 'fromjson? // (if test("502 Bad Gateway") then empty else "bad" end) | select(. == "bad")' \
	"$_tmp/bodies" | wc -l)
check "$MODE: answers are whole JSON documents (or nginx's 502)" eq "$bad" 0

rows=$(sql -v run="$run" <<'SQL'
SELECT count(*), count(DISTINCT p.text),
       count(*) FILTER (WHERE (SELECT count(*) FROM kenes.proposal_topic t WHERE t.proposal_id = p.id) = 2),
       count(*) FILTER (WHERE p.proposed_wording = 'wording ' || substr(p.text, 9))
FROM kenes.proposal p WHERE p.text LIKE 'failure ' || :'run' || '-%'
SQL
)
check "$MODE: each proposal stored once, with both topics and its wording" eq "$rows" "$total|$total|$total|$total"
# The 201 bodies name the rows that were stored.
acked=$(jq -R -r 'fromjson? | objects | select(.id != null) | .id' "$_tmp/bodies" | sort -u | wc -l)
check "$MODE: the acknowledged ids are the stored rows" eq "$acked" "$total"

# A connection the shim just broke is re-opened on its next use, at most once a second.
for _ in $(seq 10); do
	http GET /healthz
	[ "$STATUS" = 200 ] && break
	sleep 0.5
done
check "$MODE: still serving (within 5 s)" eq "$STATUS" 200
finish
