#!/usr/bin/env bash
# kenes.proposal_store_batch (migration 007), called as the handler's role: the set-based
# path and its row-by-row fallback keep proposal_submit's answers for every row (replay,
# reused key, key in flight, per-person cap, unknown target, version no longer current), and
# a bad row fails alone while its neighbours are stored.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

# One job as fcgi/proposal.c sends it; $1 ord, $2 extra members as JSON (merged last).
job() {
	jq -cn --argjson ord "$1" --argjson extra "${2:-{\}}" '{ord: $ord, consultation: "constitution-2026",
		kind: "article", number: "4", stance: "amend", text: "batch test", lang: "ru",
		region: "KZ-71", channel: "api", topics: ["sovereignty"], version: 1} + $extra'
}
# Runs a batch (jobs as arguments) as kenes_handler; prints "ord status code" lines.
batch() {
	local jobs
	jobs=$(printf '%s\n' "$@" | jq -cs .)
	echo "SELECT ord, status, code FROM kenes.proposal_store_batch(:'jobs') ORDER BY ord" |
		psql -X -q -tA -F' ' -v ON_ERROR_STOP=1 -d "$KENES_HANDLER_URL" -v jobs="$jobs" 2>"$_tmp/err"
	grep ERROR "$_tmp/err" >&2
}
rows() { echo "SELECT count(*) FROM kenes.proposal WHERE text = :'t'" | sql -v t="$1"; }
key=$$-$RANDOM
sub=$(printf '%064x' $$)
out=$(batch "$(job 1 '{"text": "set one"}')" "$(job 2 '{"text": "set two", "topics": []}')" \
	"$(job 3 '{"kind": "article", "number": "999"}')" "$(job 4 '{"version": 99}')")
check "set-based: two stored, unknown target, version not current" eq "$out" \
	"$(printf '1 201 created\n2 201 created\n3 422 unknown_target\n4 422 version_not_current')"
check "each stored once" eq "$(rows 'set one') $(rows 'set two')" "1 1"
check "the topic is stored with its proposal" eq "$(echo "SELECT count(*) FROM kenes.proposal_topic pt
	JOIN kenes.proposal p ON p.id = pt.proposal_id WHERE p.text = 'set one'" | sql)" 1

k=$(jq -cn --arg key "$key" '{key: $key, hash: "aa", body_mid: ", \"rest\": ", body_tail: "}", text: "keyed"}')
out=$(batch "$(job 1 "$k")")
check "keyed: 201" eq "$out" "1 201 created"
stored=$(echo "SELECT body FROM kenes.idempotency WHERE key = :'k'" | sql -v k="$key")
id=$(echo "SELECT id FROM kenes.proposal WHERE text = 'keyed'" | sql)
check "keyed: the answer is remembered from the pieces" contains "$stored" "{\"id\": $id, \"rest\": \"20"
out=$(batch "$(job 1 "$k")" "$(job 2 "$(jq -cn --argjson k "$k" '$k + {key: ($k.key + "-x"), text: "keyed too"}')")")
check "keyed again: replay; another key: stored" eq "$out" "$(printf '1 201 replay\n2 201 created')"
out=$(batch "$(job 1 "$(jq -cn --argjson k "$k" '$k + {hash: "bb"}')")")
check "same key, other request: 422" eq "$out" "1 422 idempotency_key_reused"
check "keyed: stored once" eq "$(rows keyed)" 1

# Another session holds the key, as a batch in flight in another worker would.
psql -X -q -d "$KENES_ADMIN_URL" -c "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('proposal' || E'\n' || 'held-$key', 7305526)); SELECT pg_sleep(6); COMMIT;" >/dev/null &
holder=$!
# On a busy machine psql may take a while to start: wait until the key is held.
for _ in $(seq 100); do
	[ "$(sql -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" -gt 0 ] && break
	sleep 0.1
done
out=$(batch "$(job 1 '{"key": "held-'$key'", "hash": "aa", "body_mid": "x", "body_tail": "}", "text": "held"}')" \
	"$(job 2 '{"text": "beside held"}')")
check "key held elsewhere: 409, the neighbour stored" eq "$out" "$(printf '1 409 request_in_flight\n2 201 created')"
wait "$holder"

s='{"submitter": "'$sub'", "per_hour": 2, "text": "capped"}'
out=$(batch "$(job 1 "$s")")
out="$out $(batch "$(job 1 "$s")")"
out="$out $(batch "$(job 1 "$s")" "$(job 2 '{"text": "beside capped"}')")"
check "per-person cap: two stored, the third 429, the neighbour stored" eq "$out" \
	"1 201 created 1 201 created 1 429 rate_limited
2 201 created"

# A row the database refuses (an unknown region, which the handler would never send): the
# set-based statement fails, the batch is stored row by row, only that row fails.
out=$(batch "$(job 1 '{"text": "fallback one"}')" "$(job 2 '{"region": "KZ-00", "text": "fallback bad"}')" \
	"$(job 3 "$(jq -cn --argjson k "$k" '$k + {key: ("fb-" + $k.key), text: "fallback keyed"}')")")
check "bad row: 500 for it alone" eq "$out" "$(printf '1 201 created\n2 500 internal\n3 201 created')"
check "bad row: the neighbours stored once each, the bad one not" eq \
	"$(rows 'fallback one') $(rows 'fallback bad') $(rows 'fallback keyed')" "1 0 1"
check "bad row: the fallback said why" contains "$(cat "$_tmp/err")" "storing them one by one"
finish
