#!/usr/bin/env bash
# nginx's flood limits on writes, through the second nginx tests/run-all.sh starts with
# tight limits (1 POST a second per address, burst 3): the excess gets 429 (not 503) with
# a JSON body; reads are not limited.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
[ -n "${LIMITED_BASE_URL:-}" ] || { echo "limits: LIMITED_BASE_URL not set"; exit 1; }
BASE_URL=$LIMITED_BASE_URL

for i in $(seq 12); do
	curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' \
		--data "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"flood $i\"}" \
		"$BASE_URL/api/v1/proposals"
done >"$_tmp/codes"
check "a burst of POSTs passes" test "$(grep -c '^201$' "$_tmp/codes")" -ge 3
check "the excess gets 429" test "$(grep -c '^429$' "$_tmp/codes")" -ge 5
check "never 503" eq "$(grep -c '^503$' "$_tmp/codes")" 0
# A slow (loaded) handler may have let the allowance refill: flood again until refused.
for _ in $(seq 20); do
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data '{}'
	[ "$STATUS" = 429 ] && break
done
check "429 is JSON with Retry-After" eq "$STATUS $(json .error.code) $(header Retry-After)" "429 rate_limited 1"
for i in $(seq 10); do http GET /healthz; [ "$STATUS" = 200 ] || break; done
check "reads are not limited" eq "$STATUS" 200
finish
