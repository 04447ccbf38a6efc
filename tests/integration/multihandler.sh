#!/usr/bin/env bash
# Write-path scale-out: three handlers, each on its own TCP port as if on its own host, behind
# one nginx upstream with kept-alive FastCGI connections (deploy/nginx/multi.conf.in, the
# production kenes-server.conf location). Against the throwaway cluster of tests/run-all.sh.
#
#   1. One handler hangs (SIGSTOP) while 12 POSTs and 12 GETs arrive: each GET that met it is
#      answered by another handler (200); each POST that met it is NOT passed to another one
#      (fastcgi_next_upstream without non_idempotent): 504. When the handler resumes it
#      stores the POST it was given, once: so a client must retry with its Idempotency-Key,
#      and gets the same proposal back.
#   2. One handler is killed (SIGKILL, master and workers: a host lost) under a bounded load
#      of submissions with unique Idempotency-Keys, retried on any failure as clients do, and
#      some without a key, never retried. Every acknowledged proposal is stored, with its text;
#      no text is stored twice (nginx replayed nothing); every keyed submission got its 201.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
. "$(dirname "$0")/../lib/stack.sh"
root=$KENES_ROOT
run=m$RANDOM$RANDOM

dir=$(mktemp -d /tmp/kenes-multi.XXXXXX)
chmod 755 "$dir"
stopped=""
done_() {
	[ -n "$stopped" ] && kill -CONT $stopped 2>/dev/null
	stack_stop
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT

# Three handlers: 2 workers x 6 threads = 12 > nginx's 2 workers x keepalive 4.
addrs=() masters=()
for h in 1 2 3; do
	addrs+=("127.0.0.1:$(stack_port)")
	stack_handler "$dir/h$h" "$root/bin/kenes-fcgi" KENES_SOCKET="${addrs[-1]}" \
		KENES_DATABASE_URL="$KENES_HANDLER_URL" KENES_WORKERS=2 KENES_THREADS=6 \
		KENES_LOG_LEVEL=debug || exit 1
	masters+=("$STACK_PID")
done
port=$(stack_port)
KENES_POST_RATE=1000r/s KENES_POST_BURST=5000 KENES_POST_CONN=1000 \
	kenes_nginx_multi_conf "$dir/nginx" "$port" "${addrs[@]}"
stack_nginx "$dir/nginx" "$dir/nginx/nginx.conf"
export BASE_URL=http://127.0.0.1:$port
kenes_wait_http "$BASE_URL/healthz" 20 || { echo "nginx did not come up"; cat "$dir/nginx/error.log"; exit 1; }

workers_of() { ps -o pid= --ppid "$1" | tr -d ' '; }
body() { echo "{\"target\":\"general\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"$1\"}"; }
stored() { echo "SELECT count(*) FROM kenes.proposal WHERE text = :'t'" | sql -v t="$1"; }
# Every handler's debug log has one line per request it answered, with nginx's request id.
handlers_with() { grep -l "req=$1 " "$dir"/h*/fcgi.log 2>/dev/null | wc -l; }

# Every handler answers.
for _ in $(seq 9); do http GET /healthz; done
check "each handler served requests" \
	eq "$(for h in 1 2 3; do grep -c 'GET /healthz 200' "$dir/h$h/fcgi.log"; done | awk '$1 > 0' | wc -l)" 3

# --- 1. a hanging handler: GETs go elsewhere, POSTs are not replayed -------------------------
stopped="${masters[0]} $(workers_of "${masters[0]}")"
kill -STOP $stopped
# POSTs first, then GETs: each burst goes round the three handlers on its own, so each
# meets the hung one several times.
pids=()
for i in $(seq 12); do
	curl -s -o /dev/null -w "%{http_code}\n" -m 30 -X POST -H 'Content-Type: application/json' \
		-H "Idempotency-Key: $run-hang-$i" --data "$(body "$run hang $i")" \
		"$BASE_URL/api/v1/proposals" >"$_tmp/hang-post-$i" &
	pids+=($!)
done
sleep 0.5
for i in $(seq 12); do
	# A query string each: nginx's microcache (kenes-server.conf) would answer the rest from
	# the first, and this is about which handlers the GETs reach.
	curl -s -o /dev/null -w "%{http_code}\n" -m 30 "$BASE_URL/api/v1/consultations/constitution-2026?hang=$i" \
		>"$_tmp/hang-get-$i" &
	pids+=($!)
done
wait "${pids[@]}" # (a bare wait would wait for the handlers too)
kill -CONT $stopped
stopped=""
posts=$(cat "$_tmp"/hang-post-* | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')
echo "     POSTs while one handler hung: $posts; GETs: $(cat "$_tmp"/hang-get-* | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')"
check "every GET answered 200 (the hung handler's retried on another)" \
	eq "$(cat "$_tmp"/hang-get-* | sort -u)" 200
check "some POSTs met the hung handler: 504, not passed on" contains "$posts" "504:"
check "the others got 201" contains "$posts" "201:"
check "a GET shows two tries in nginx's log" grep -q 'GET /api/v1/consultations/constitution-2026 200 "[^,"]*, ' "$dir/nginx/access.log"
check "no POST shows two tries" not grep -q 'POST /api/v1/proposals [0-9]* "[^,"]*, ' "$dir/nginx/access.log"
# The resumed handler finishes what it was given (nginx has long closed those connections).
for _ in $(seq 50); do
	[ "$(echo "SELECT count(*) FROM kenes.proposal WHERE text LIKE :'r' || ' hang %'" | sql -v r="$run")" = 12 ] && break
	sleep 0.1
done
for i in $(seq 12); do
	code=$(cat "$_tmp/hang-post-$i")
	if [ "$code" = 504 ]; then
		check "hang $i: stored once, by the hung handler alone, after it resumed" eq "$(stored "$run hang $i")" 1
		http POST /api/v1/proposals -H 'Content-Type: application/json' \
			-H "Idempotency-Key: $run-hang-$i" --data-binary "$(body "$run hang $i")"
		check "hang $i: the retry with its key replays it (201, no second row)" \
			eq "$STATUS $(stored "$run hang $i")" "201 1"
	else
		check "hang $i: 201 and stored once" eq "$code $(stored "$run hang $i")" "201 1"
	fi
done
# nginx's request ids of the POSTs that timed out: each reached exactly one handler.
for rid in $(awk '$2 == "POST" && $4 == 504 { print $1 }' "$dir/nginx/access.log"); do
	check "request $rid reached one handler only" eq "$(handlers_with "$rid")" 1
done

# --- 2. a handler killed under load ------------------------------------------------------------
mkdir -p "$_tmp/acks"
client() { # N: 40 keyed proposals, each retried until 201 (at most ~20 s)
	local n=$1 i key code
	for i in $(seq 40); do
		key=$run-k$n-$i
		for _ in $(seq 200); do
			code=$(curl -s -m 5 -o "$_tmp/acks/$key.body" -w '%{http_code}' -X POST \
				-H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
				--data "$(body "$key")" "$BASE_URL/api/v1/proposals")
			[ "$code" = 201 ] && break
			sleep 0.1
		done
		echo "$key $code $(jq -r .id "$_tmp/acks/$key.body" 2>/dev/null)" >>"$_tmp/acks/keyed-$n"
	done
}
loose() { # N: 40 proposals without a key, each sent once
	local n=$1 i text code
	for i in $(seq 40); do
		text=$run-u$n-$i
		code=$(curl -s -m 5 -o "$_tmp/acks/$text.body" -w '%{http_code}' -X POST \
			-H 'Content-Type: application/json' --data "$(body "$text")" "$BASE_URL/api/v1/proposals")
		echo "$text $code $(jq -r .id "$_tmp/acks/$text.body" 2>/dev/null)" >>"$_tmp/acks/loose-$n"
	done
}
pids=()
for n in 1 2 3; do client "$n" & pids+=($!); done
loose 1 &
pids+=($!)
sleep 1
victim=${masters[1]}
kill -KILL "$victim" $(workers_of "$victim")
echo "     killed handler 2 (master $victim) under load"
wait "${pids[@]}"
cat "$_tmp"/acks/keyed-* >"$_tmp/keyed"
cat "$_tmp"/acks/loose-* >"$_tmp/loose"
check "every keyed submission got its 201" eq "$(awk '$2 != 201' "$_tmp/keyed" | wc -l)" 0
check "120 keyed submissions" eq "$(wc -l <"$_tmp/keyed")" 120
# Every acknowledged proposal (keyed or not) is stored under its id, with its text.
awk '$2 == 201 { print $3 "\t" $1 }' "$_tmp/keyed" "$_tmp/loose" | sort >"$_tmp/acked"
sql -v run="$run" -F $'\t' <<'SQL' | sort >"$_tmp/rows"
SELECT id, text FROM kenes.proposal WHERE text LIKE :'run' || '-%'
SQL
check "no acknowledged proposal is lost" eq "$(comm -23 "$_tmp/acked" "$_tmp/rows" | wc -l)" 0
check "no text stored twice (no POST was replayed)" \
	eq "$(cut -f2 "$_tmp/rows" | sort | uniq -d | wc -l)" 0
failed=$(awk '$2 != 201' "$_tmp/loose" | wc -l)
echo "     unkeyed: $((40 - failed)) of 40 got 201; $failed failed (stored or not: a client without a key cannot know)"
check "a failed unkeyed POST is stored at most once" eq "$(awk '$2 != 201 { print $1 }' "$_tmp/loose" |
	while read -r t; do stored "$t"; done | awk '$1 > 1' | wc -l)" 0
# A POST tried twice in nginx's log: the first handler refused the connection (it was dead),
# so nothing had been sent; only the second handler ever saw the request.
twice=$(awk '$2 == "POST" && $5 ~ /,/ { print $1 }' "$dir/nginx/access.log")
echo "     POSTs passed on after a refused connection: $(echo "$twice" | grep -c .)"
for rid in $twice; do
	check "POST $rid (tried twice) reached one handler only" eq "$(handlers_with "$rid")" 1
done
check "the two live handlers went on storing" \
	test "$(grep -c 'POST /api/v1/proposals 201' "$dir/h1/fcgi.log" "$dir/h3/fcgi.log" | awk -F: '{s += $2} END {print s}')" -gt 100
echo "     nginx answers: $(awk '$2 == "POST" {print $4}' "$dir/nginx/access.log" | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')"

finish
