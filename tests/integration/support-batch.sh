#!/usr/bin/env bash
# kenes.support_store_batch (migration 022), called as the handler's role: the set-based path
# and its row-by-row fallback give every row what kenes.support_add gives (created, already
# supported, unknown or hidden proposal, closed consultation, per-person cap, replay, reused
# key, key in flight) with the same body, and a bad row fails alone while its neighbours
# are stored, all in one transaction.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

run=$$-$RANDOM
# A new published proposal; prints its id.
proposal() {
	local jobs
	jobs=$(jq -cn --arg t "support batch $run $1" '[{ord: 1, consultation: "constitution-2026",
		kind: "article", number: "4", stance: "amend", text: $t, lang: "ru", region: "KZ-71",
		channel: "api", topics: [], version: 1}]')
	echo "SELECT id FROM kenes.proposal_store_batch(:'jobs')" |
		psql -X -q -tA -v ON_ERROR_STOP=1 -d "$KENES_HANDLER_URL" -v jobs="$jobs"
}
person() { printf '%032x%08x%024x' "$$" "$RANDOM" "$1"; } # a 32-byte pseudonym in hex
# One job as fcgi/support.c sends it; $1 ord, $2 proposal, $3 supporter, $4 extra members.
job() {
	jq -cn --argjson ord "$1" --argjson p "$2" --arg s "$3" --argjson extra "${4:-{\}}" \
		'{ord: $ord, proposal: $p, supporter: $s, hash: "aa", per_hour: 120} + $extra'
}
# Runs a batch (jobs as arguments) as kenes_handler; prints "ord status code body retry" lines.
batch() {
	local jobs
	jobs=$(printf '%s\n' "$@" | jq -cs .)
	echo "SELECT ord, status, code, coalesce(body, '-'), coalesce(retry_after, 0) > 0
		FROM kenes.support_store_batch(:'jobs') ORDER BY ord" |
		psql -X -q -tA -F' ' -v ON_ERROR_STOP=1 -d "$KENES_HANDLER_URL" -v jobs="$jobs" 2>"$_tmp/err"
	grep ERROR "$_tmp/err" >&2
}
rows() { echo "SELECT count(*) FROM kenes.support WHERE proposal_id = :'p'" | sql -v p="$1"; }
count() { echo "SELECT support_count FROM kenes.proposal WHERE id = :'p'" | sql -v p="$1"; }
body() { echo "{\"proposal\": $1, \"supports\": $2, \"supported\": true}"; }

p1=$(proposal one)
p2=$(proposal two)
hidden=$(proposal hidden)
echo "UPDATE kenes.proposal SET status = 'hidden' WHERE id = :'p'" | sql -v p="$hidden"
a=$(person 1) b=$(person 2) c=$(person 3) d=$(person 4) e=$(person 5)
out=$(batch "$(job 1 "$p1" "$d")")
check "a first support: 201 with the count" eq "$out" "1 201 created $(body "$p1" 1) f"

# Good supports mixed with a duplicate, an unknown and a hidden proposal, in one batch.
out=$(batch "$(job 1 "$p1" "$a")" "$(job 2 "$p1" "$d")" "$(job 3 "$p1" "$b")" "$(job 4 "$p2" "$c")" \
	"$(job 5 999999999 "$e")" "$(job 6 "$hidden" "$e")")
check "mixed batch: each row its own answer, counts as if one after another" eq "$out" \
	"1 201 created $(body "$p1" 2) f
2 200 already_supported $(body "$p1" 2) f
3 201 created $(body "$p1" 3) f
4 201 created $(body "$p2" 1) f
5 404 not_found - f
6 404 not_found - f"
check "mixed batch: only the good ones stored" eq "$(rows "$p1") $(rows "$p2") $(rows "$hidden")" "3 1 0"
check "mixed batch: support_count agrees" eq "$(count "$p1") $(count "$p2")" "3 1"
check "mixed batch: one transaction" eq "$(echo "SELECT count(DISTINCT created_at) FROM kenes.support
	WHERE proposal_id IN (:'p1', :'p2') AND supporter <> decode(:'d', 'hex')" | sql -v p1="$p1" -v p2="$p2" -v d="$d")" 1

# The same answers as kenes.support_add, row for row.
p3=$(proposal three)
for s in "$a" "$a" "$b"; do
	echo "SELECT status, code, body FROM kenes.support_add(:'p', decode(:'s', 'hex'), NULL, '\\xaa', 120)" |
		psql -X -q -tA -F' ' -d "$KENES_HANDLER_URL" -v p="$p3" -v s="$s"
done >"$_tmp/add"
check "support_add answers the same" eq "$(cat "$_tmp/add")" "201 created $(body "$p3" 1)
200 already_supported $(body "$p3" 1)
201 created $(body "$p3" 2)"

# Closed consultation: 409; nothing stored.
echo "UPDATE kenes.consultation SET status = 'closed' WHERE slug = 'constitution-2026'" | sql
out=$(batch "$(job 1 "$p2" "$a")")
echo "UPDATE kenes.consultation SET status = 'open' WHERE slug = 'constitution-2026'" | sql
check "closed consultation: 409" eq "$out" "1 409 consultation_closed - f"
check "closed consultation: not stored" eq "$(rows "$p2")" 1

# Per-person cap: two an hour; the third is 429 with a Retry-After, its neighbour stored.
capped=$(person 6)
out=$(batch "$(job 1 "$p2" "$capped" '{"per_hour": 2}')" | cut -d' ' -f2-3)
out="$out, $(batch "$(job 1 "$p3" "$capped" '{"per_hour": 2}')" | cut -d' ' -f2-3)"
check "per-person cap: two stored" eq "$out" "201 created, 201 created"
out=$(batch "$(job 1 "$hidden" "$capped" '{"per_hour": 2}')" "$(job 2 "$p1" "$capped" '{"per_hour": 2}')" \
	"$(job 3 "$p3" "$c" '{"per_hour": 2}')")
check "per-person cap: the third is 429 with a retry, its neighbour stored" eq "$out" \
	"1 404 not_found - f
2 429 rate_limited - t
3 201 created $(body "$p3" 4) f"

# Idempotency keys: remembered answers (201 and 200), replays byte for byte, reused keys,
# keys held by another transaction.
key=k-$run
k='{"key": "'$key'", "hash": "bb"}'
first=$(batch "$(job 1 "$p2" "$b" "$k")")
check "keyed: 201" contains "$first" "1 201 created $(body "$p2" 3)"
out=$(batch "$(job 1 "$p2" "$b" "$k")")
check "keyed again: a replay of the same body" eq "$out" "1 201 replay $(body "$p2" 3) f"
out=$(batch "$(job 1 "$p2" "$b" '{"key": "'$key'", "hash": "cc"}')")
check "same key, other request: 422" eq "$out" "1 422 idempotency_key_reused - f"
out=$(batch "$(job 1 "$p2" "$c" '{"key": "200-'$key'", "hash": "bb"}')" "$(job 2 "$p1" "$b" "$k")")
check "a 200 is remembered too; the same key on another proposal is another key" eq "$out" \
	"1 200 already_supported $(body "$p2" 3) f
2 200 already_supported $(body "$p1" 3) f"
check "the 200 is what the key replays" eq "$(batch "$(job 1 "$p2" "$c" '{"key": "200-'$key'", "hash": "bb"}')")" \
	"1 200 replay $(body "$p2" 3) f"
psql -X -q -d "$KENES_ADMIN_URL" -c "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('support:$p3' || E'\n' || 'held-$key', 7305526)); SELECT pg_sleep(5); COMMIT;" >/dev/null &
holder=$!
# Until the holder has the lock (a loaded machine can take seconds to start a psql).
for _ in $(seq 100); do
	[ "$(psql -X -tA -d "$KENES_ADMIN_URL" -c "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
		WHERE l.locktype = 'advisory' AND l.granted AND a.query LIKE '%held-$key%' AND a.pid <> pg_backend_pid()")" = 1 ] && break
	sleep 0.1
done
out=$(batch "$(job 1 "$p3" "$d" '{"key": "held-'$key'"}')" "$(job 2 "$p3" "$e")")
check "key held elsewhere: 409 with a retry, the neighbour stored" eq "$out" \
	"1 409 request_in_flight - t
2 201 created $(body "$p3" 5) f"
wait "$holder"
check "keyed: stored once each" eq "$(rows "$p3") $(count "$p3")" "5 5"

# A batch the handler would never send (one person twice): stored row by row, as
# support_add would one after another.
p4=$(proposal four)
out=$(batch "$(job 1 "$p4" "$a")" "$(job 2 "$p4" "$a")" "$(job 3 "$p4" "$b")")
check "one person twice: row by row, the second already supported" eq "$out" \
	"1 201 created $(body "$p4" 1) f
2 200 already_supported $(body "$p4" 1) f
3 201 created $(body "$p4" 2) f"
check "one person twice: the fallback said why" contains "$(cat "$_tmp/err")" "storing them one by one"

# A row the database refuses (a pseudonym of the wrong length, which the handler would never
# send): the set-based statement fails, the batch is stored row by row, only that row fails.
out=$(batch "$(job 1 "$p4" "$c")" "$(job 2 "$p4" abcd)" "$(job 3 "$p4" "$d" '{"key": "fb-'$key'"}')")
check "bad row: 500 for it alone" eq "$out" "1 201 created $(body "$p4" 3) f
2 500 internal - f
3 201 created $(body "$p4" 4) f"
check "bad row: the neighbours stored once each, the bad one not" eq "$(rows "$p4") $(count "$p4")" "4 4"
check "bad row: the neighbour's answer is remembered" eq \
	"$(echo "SELECT body FROM kenes.idempotency WHERE scope = 'support:' || :'p' AND key = :'k'" | sql -v p="$p4" -v k="fb-$key")" \
	"$(body "$p4" 4)"
finish
