#!/usr/bin/env bash
# Slow clients (Debian's slowhttptest) against real nginx: slow headers (Slowloris), slow
# bodies (R-U-Dead-Yet) and slow reads, each holding SLOW_CONNS connections from 127.0.0.1,
# while a legitimate client on 127.0.0.2 reads lists and submits proposals. Its p99 while an
# attack runs must stay within 2x its p99 without one, with no errors.
#
# nginx buffers whole requests before it passes them to the handler, and its timeouts
# (client_header_timeout, client_body_timeout, send_timeout: deploy/nginx/kenes-server.conf)
# close slow connections; each costs nginx one connection slot and a little memory, never a
# handler thread. (worker_connections bounds how many slow connections fit: beyond that, cap
# connections per address in the firewall, see docs/SECURITY.md.)
# Needs BASE_URL (tests/run-all.sh). SLOW_CONNS (default 1000), SLOW_SECONDS (default 14).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

command -v slowhttptest >/dev/null || { echo "FAIL [$SUITE] slowhttptest is not installed (deploy/deps.sh check)"; exit 1; }
conns=${SLOW_CONNS:-1000}
seconds=${SLOW_SECONDS:-14}
C=constitution-2026

# 240 requests from 127.0.0.2, 4 clients at a time, each request on a new connection
# ("Connection: close"): a list read through the handler and the database, and a submission.
# One curl a client, its requests in a config file (a curl a request was most of this suite's
# CPU). Prints one "CODE SECONDS" a line.
legit() {
	local c i body
	for c in 1 2 3 4; do
		for i in $(seq 30); do
			body="{\"consultation\":\"$C\",\"target\":\"article:$((i % 9 + 1))\",\"stance\":\"support\",\"lang\":\"en\",\"text\":\"slow-client test $c $i\"}"
			[ "$i" = 1 ] || echo next
			printf '%s\n' "url = \"$BASE_URL/api/v1/proposals?consultation=$C&target=article:$((i % 9 + 1))&sort=newest\"" \
				"$transfer" next "url = \"$BASE_URL/api/v1/proposals\"" "$transfer" \
				'header = "Content-Type: application/json"' "data = \"${body//\"/\\\"}\""
		done >"$_tmp/legit-$c.curl"
		curl -K "$_tmp/legit-$c.curl" &
	done
	wait
}
# What every request of legit() says besides its URL (curl's config syntax).
transfer='silent
output = "/dev/null"
interface = "127.0.0.2"
max-time = 10
header = "Connection: close"
write-out = "%{http_code} %{time_total}\n"'
p99() { awk '{ print $2 }' "$1" | sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.4f\n", v[i] }'; }
errors() { awk '$1 != 200 && $1 != 201' "$1" | wc -l; }

(legit) >"$_tmp/base"
base=$(p99 "$_tmp/base")
echo "     without an attack: p99 ${base}s over $(wc -l <"$_tmp/base") requests, $(errors "$_tmp/base") errors"
check "the legitimate client works" eq "$(errors "$_tmp/base")" 0

attack() { # NAME SLOWHTTPTEST-ARGS...
	local name=$1 p pid held
	shift
	slowhttptest -c "$conns" -r 250 -l "$seconds" -p 3 "$@" >"$_tmp/$name.out" 2>&1 &
	pid=$!
	sleep $((conns / 250 + 2)) # until the connections are open
	(legit) >"$_tmp/$name"
	wait "$pid"
	sed -i 's/\x1b\[[0-9;]*m//g' "$_tmp/$name.out"
	held=$(awk '/^connected:/ { if ($2 > m) m = $2 } END { print m + 0 }' "$_tmp/$name.out")
	p=$(p99 "$_tmp/$name")
	# A loaded test machine is noisy: when the first comparison fails, measure the quiet
	# baseline once more and compare with the larger of the two.
	if awk -v a="$p" -v b="$base" 'BEGIN { exit !(a > 2 * b) }'; then
		(legit) >"$_tmp/base2"
		base=$(printf '%s\n%s\n' "$base" "$(p99 "$_tmp/base2")" | sort -n | tail -1)
	fi
	echo "     $name: held up to $held of $conns connections; legitimate p99 ${p}s (without: ${base}s)," \
		"$(errors "$_tmp/$name") errors"
	check "$name: no errors for the legitimate client" eq "$(errors "$_tmp/$name")" 0
	check "$name: legitimate p99 within 2x" awk -v a="$p" -v b="$base" 'BEGIN { exit !(a <= 2 * b) }'
	check "$name: the attack held connections open" test "$held" -ge $((conns / 2))
}
attack slowloris -H -i 4 -x 24 -u "$BASE_URL/api/v1/proposals?consultation=$C&target=article:4"
attack slow-body -B -i 4 -s 8192 -x 24 -f application/json -u "$BASE_URL/api/v1/proposals"
attack slow-read -X -w 32 -y 64 -n 4 -z 16 -k 1 -u "$BASE_URL/static/kenes.css"

http GET /healthz
check "serving after the attacks" eq "$STATUS" 200
finish
