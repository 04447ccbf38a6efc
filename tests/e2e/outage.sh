#!/usr/bin/env bash
# The database goes away and comes back: 503 with Retry-After quickly, cached public reads
# served stale meanwhile, recovery without a restart. Needs KENES_PG_DIR (the throwaway cluster) besides BASE_URL; run last.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/iin.sh"
cache_status() { header X-Cache-Status; }

body='{"target":"general","stance":"support","text":"outage test","lang":"en"}'
# A proposal and a fresh form token from before the outage, for the browser forms below.
http POST /api/v1/proposals -H 'Content-Type: application/json' --data "$body"
KENES_OUTAGE_PROPOSAL_FILE=$_tmp/outage-proposal
json .id >"$KENES_OUTAGE_PROPOSAL_FILE"
KENES_OUTAGE_TOKEN=$(curl -s "$BASE_URL/proposals/$(cat "$KENES_OUTAGE_PROPOSAL_FILE")?lang=en" |
	sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' | head -1)
# Public reads nginx has cached (deploy/nginx/kenes-server.conf): kept serving, stale.
cached_reads=("/api/v1/proposals/$(cat "$KENES_OUTAGE_PROPOSAL_FILE")" "/proposals?target=general&lang=ru"
	"/api/v1/proposals?target=general")
before=()
for u in "${cached_reads[@]}"; do
	http GET "$u"
	before+=("$STATUS $(printf '%s' "$BODY" | md5sum)")
done
kenes_pg_stop "$KENES_PG_DIR"
# Past the entries' second of life and their second of stale-while-revalidate: what follows
# is served only because the handler answers 503.
sleep 3.1
for i in "${!cached_reads[@]}"; do
	http GET "${cached_reads[i]}"
	check "${cached_reads[i]} while down: the cached answer, STALE" \
		eq "$STATUS $(printf '%s' "$BODY" | md5sum) $(cache_status)" "${before[i]} STALE"
done
start=$(date +%s%N)
http POST /api/v1/proposals -H 'Content-Type: application/json' --data "$body"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "503 while the database is down" eq "$STATUS $(json .error.code)" "503 unavailable"
check "Retry-After on 503" eq "$(header Retry-After)" 2
check "503 within 2 s (took ${ms} ms)" test "$ms" -lt 2000
for _ in 1 2 3 4 5 6; do http GET /healthz; done
check "healthz 503 while down" eq "$STATUS" 503
http GET /
check "form page 503 while down (structure cached: 200 is fine too)" test "$STATUS" = 503 -o "$STATUS" = 200

# Browser forms are answered with a page, never JSON, while the database is away.
pid=$(cat "${KENES_OUTAGE_PROPOSAL_FILE:-/dev/null}" 2>/dev/null)
if [ -n "$pid" ] && [ -n "${KENES_OUTAGE_TOKEN:-}" ]; then
	for form in supports report-identity; do
		http POST "/api/v1/proposals/$pid/$form" -H 'Content-Type: application/x-www-form-urlencoded' \
			--data-urlencode "form_token=$KENES_OUTAGE_TOKEN" --data-urlencode "iin=$(iin 909)" --data-urlencode ui_lang=en
		check "$form form while down: 503 as a page" eq "$STATUS $(header Content-Type)" "503 text/html; charset=utf-8"
		check "$form form while down: says to retry" contains "$BODY" "briefly unavailable"
		check "$form form while down: Retry-After" eq "$(header Retry-After)" 2
	done
fi

kenes_pg_start "$KENES_PG_DIR"
up=$(date +%s)
ok=""
for _ in $(seq 50); do
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data "$body"
	[ "$STATUS" = 201 ] && { ok=1; break; }
	sleep 0.1
done
check "stores again within 5 s of the database's return" test -n "$ok" -a $(( $(date +%s) - up )) -le 5
# Every worker thread notices on its own (each retries at most once a second).
for _ in $(seq 50); do
	http GET /healthz
	[ "$STATUS" = 200 ] && break
	sleep 0.1
done
check "healthz 200 again within 5 s" eq "$STATUS" 200
# A thread that tried while the database was down waits out its second before it tries again.
sleep 1.1
for _ in $(seq 30); do http GET /healthz; [ "$STATUS" = 200 ] || break; done
check "then every thread answers (30 in a row)" eq "$STATUS" 200
finish
