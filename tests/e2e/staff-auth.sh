#!/usr/bin/env bash
# The staff workspace's sign-in and its authorization matrix (docs/STAFF.md). The matrix is
# generated from the route table (`kenes-fcgi --routes`): every /staff/ row that needs a
# session × {no session, expired, revoked, each role} × {GET, POST without CSRF, POST with
# CSRF} → the expected status, so a new row is tested as soon as it exists. Then sign-in
# itself: form tokens, cross-site refusals, idle and absolute timeouts, revocation, sign-out,
# the audit log (without the token), the cookie's attributes and the throttle (last).
# Needs BASE_URL, KENES_ADMIN_URL and KENES_HANDLER_LOG (tests/run-all.sh), built bin/.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
run=$$-$RANDOM
jars=$_tmp/jars
mkdir -p "$jars"
token_id() { echo "SELECT id FROM kenes.staff_token WHERE token_sha256 = sha256(convert_to(:'t', 'UTF8'))" | sql -v t="$1"; }
session_of() { awk '$6 == "kenes_staff" { print $7 }' "$jars/$1"; }
session_sql() { # PRINCIPAL SQL-SET: changes the principal's session row (as the owner)
	echo "UPDATE kenes.staff_session SET $2 WHERE session_sha256 = sha256(convert_to(:'s', 'UTF8'))" |
		sql -v s="$(session_of "$1")"
}

agg refresh >/dev/null 2>&1 # the dashboard answers 503 until the tallies exist
declare -A token
for role in staff analyst moderator; do token[$role]=$(agg token create --role "$role" --name "e2e staff-auth $role $run"); done
token[expired]=$(agg token create --role staff --name "e2e staff-auth expired $run")
token[revoked]=$(agg token create --role staff --name "e2e staff-auth revoked $run")
check "tokens created" test -n "${token[staff]}" -a -n "${token[analyst]}" -a -n "${token[moderator]}"

form_token() { # the sign-in form's one-time token
	http GET '/staff/sign-in?lang=en'
	printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p'
}
sign_in() { # PRINCIPAL TOKEN: a session in the principal's cookie jar
	rm -f "$jars/$1"
	http POST '/staff/sign-in?lang=en' -c "$jars/$1" --data-urlencode "form_token=$(form_token)" \
		--data-urlencode "token=$2"
}
csrf_of() { # PRINCIPAL: a form token of the principal's session (from the home page's form)
	http GET '/staff/account?lang=en' -b "$jars/$1"
	printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}
setup() { # PRINCIPAL
	case $1 in
	none) : >"$jars/none" ;;
	expired) sign_in expired "${token[expired]}" && session_sql expired "last_seen_at = now() - interval '31 minutes'" >/dev/null ;;
	revoked) sign_in revoked "${token[revoked]}" && agg token revoke "$(token_id "${token[revoked]}")" >/dev/null 2>&1 ;;
	*) sign_in "$1" "${token[$1]}" ;;
	esac
}

# --- the matrix
principals=(none expired revoked staff analyst moderator)
declare -A csrf
for p in "${principals[@]}"; do setup "$p"; done
for p in staff analyst moderator; do csrf[$p]=$(csrf_of "$p"); check "$p: a form token on the home page" test -n "${csrf[$p]}"; done
# The requests that change nothing (every refusal, every GET) go to one curl as a config
# file, one transfer each: ~500 curl processes cost minutes on a loaded machine. A POST that
# goes through may change a session (sign-out), so those run one at a time afterwards, each
# with a fresh session.
declare -A cookie
for p in "${principals[@]}"; do cookie[$p]=$(session_of "$p"); done
rows=0
batch=$_tmp/matrix.curl
: >"$batch"
names=() wants=() live=()
while read -r methods path who; do
	[[ $path == /staff/* && $who == session:* ]] || continue
	rows=$((rows + 1))
	url=${path/#\/staff\/parts\/\{slug\}/\/staff\/parts\/article:1} # a part's page takes a part the draft has
	url=${url//\{id\}/1}
	url=${url//\{int\}/1}
	url=${url//\{slug\}/x}
	for p in "${principals[@]}"; do
		for action in GET POST-nocsrf POST-csrf; do
			method=${action%%-*}
			if [[ ,$methods, != *,$method,* ]]; then want=405
			elif [[ $p == none || $p == expired || $p == revoked ]]; then
				[ "$method" = GET ] && want=303 || want=401
			elif [[ $who != *"$p,"* ]]; then want=403
			elif [ "$action" = POST-nocsrf ]; then want=403
			elif [[ $path == *'{id}'* || $path == *'{int}'* ]]; then want=ok-or-404
			else want=ok
			fi
			if [ "$method" = POST ] && [[ $want == ok* ]]; then
				live+=("$p $url $want")
				continue
			fi
			{
				[ -s "$batch" ] && echo next
				printf 'url = "%s%s"\nrequest = "%s"\n' "$BASE_URL" "$url" "$method"
				# A header, not the jar: one curl's transfers share its cookie engine.
				[ -n "${cookie[$p]}" ] && printf 'header = "Cookie: kenes_staff=%s"\n' "${cookie[$p]}"
				printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nmax-time = 20\n'
				[ "$action" = POST-nocsrf ] && printf 'data = "x=1"\n'
				[ "$action" = POST-csrf ] && printf 'data-urlencode = "csrf=%s"\n' "${csrf[$p]:-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA}"
			} >>"$batch"
			names+=("$p $action $path")
			wants+=("$want")
		done
	done
done < <("$root/bin/kenes-fcgi" --routes)
mapfile -t got < <(curl -s -K "$batch")
check "the matrix's batch: one answer per request" eq "${#got[@]}" "${#names[@]}"
for i in "${!names[@]}"; do
	STATUS=${got[i]:-000}
	case ${wants[i]} in
	ok) check "${names[i]}: allowed" test "$STATUS" -ge 200 -a "$STATUS" -lt 400 ;;
	# A row with an id: the handler's own answer, 404 too (id 1 may not exist or be hidden).
	ok-or-404) check "${names[i]}: allowed" test "$STATUS" -ge 200 -a "$STATUS" -lt 400 -o "$STATUS" = 404 ;;
	*) check "${names[i]}: ${wants[i]}" eq "$STATUS" "${wants[i]}" ;;
	esac
done
for entry in "${live[@]}"; do
	read -r p url want <<<"$entry"
	http POST "$url" -b "$jars/$p" --data-urlencode "csrf=${csrf[$p]}"
	if [ "$want" = ok-or-404 ]; then
		check "$p POST-csrf $url: allowed" test "$STATUS" -ge 200 -a "$STATUS" -lt 400 -o "$STATUS" = 404
	else
		check "$p POST-csrf $url: allowed" test "$STATUS" -ge 200 -a "$STATUS" -lt 400
	fi
	# It may have ended the session (sign-out): a new one for what follows.
	setup "$p"
	csrf[$p]=$(csrf_of "$p")
done
check "the matrix found the /staff/ rows" test "$rows" -ge 2
routes=$("$root/bin/kenes-fcgi" --routes)
for row in "GET /staff/reports session:staff," "POST /staff/reports/sessions session:staff," \
	"POST /staff/reports/sessions/{int}/issue session:staff," "GET /staff/reports/{int} session:staff," \
	"GET /staff/audit session:staff,"; do
	check "the route table has $row" grep -qxF "$row" <<<"$(awk '{ print $1, $2, $3 }' <<<"$routes")"
done
check "a proposal's history is every role's" grep -qE '^GET +/staff/proposals/\{id\} +session:.*staff,.*analyst,.*moderator,' <<<"$routes"

# --- sign-in itself
http GET '/staff/?lang=ru'
check "no session: 303 to the sign-in page" eq "$STATUS $(header Location)" "303 /staff/sign-in?lang=ru"
http GET '/staff/sign-in?lang=kk'
check "the sign-in page in Kazakh" contains "$BODY" '<html lang="kk">'
http POST /staff/sign-in --data-urlencode "token=${token[staff]}"
check "sign-in without the form's token: 403" eq "$STATUS" 403
http POST /staff/sign-in -H 'Sec-Fetch-Site: cross-site' --data-urlencode "form_token=$(form_token)" \
	--data-urlencode "token=${token[staff]}"
check "sign-in from another site: 403" eq "$STATUS" 403
sign_in staff "${token[staff]}"
check "sign-in: 303 to the workspace" eq "$STATUS $(header Location)" "303 /staff/?lang=en"
cookie=$(header Set-Cookie)
check "the cookie is HttpOnly, SameSite=Strict, for the whole site" contains "$cookie" "; Path=/; HttpOnly; SameSite=Strict"
check "plain HTTP: no Secure, no __Host- prefix (docs/STAFF.md)" eq "${cookie%%=*}:$(echo "$cookie" | grep -c Secure)" "kenes_staff:0"
check "the session id is not the token" lacks "$cookie" "${token[staff]}"
check "the database keeps the session's hash, not its id" \
	eq "$(echo "SELECT count(*) FROM kenes.staff_session WHERE session_sha256 = sha256(convert_to(:'s', 'UTF8'))" | sql -v s="$(session_of staff)")" 1
http GET '/staff/account?lang=en' -b "$jars/staff"
check "signed in: the account page" eq "$STATUS" 200
check "... as secretariat" contains "$BODY" "secretariat"
staff_csrf=$(csrf_of staff)
sign_in moderator2 "${token[moderator]}"
check "a moderator's first page is the account page (no dashboard)" eq "$(header Location)" "/staff/account?lang=en"
http POST /staff/sign-out -b "$jars/staff" -H 'Sec-Fetch-Site: cross-site' --data-urlencode "csrf=$staff_csrf"
check "a cross-site POST with a good form token: 403" eq "$STATUS" 403
http POST /staff/sign-out -b "$jars/staff" -H 'Origin: http://evil.example' --data-urlencode "csrf=$staff_csrf"
check "another Origin: 403" eq "$STATUS" 403
http POST /staff/sign-out -b "$jars/analyst" --data-urlencode "csrf=$staff_csrf"
check "another session's form token: 403" eq "$STATUS" 403
setup analyst
session_sql analyst "created_at = now() - interval '13 hours'" >/dev/null
http GET /staff/ -b "$jars/analyst"
check "past the absolute lifetime (12 h), although just used: 303" eq "$STATUS" 303
sign_in moderator "${token[moderator]}"
old=$(session_of moderator)
agg token revoke "$(token_id "${token[moderator]}")" >/dev/null 2>&1
http GET /staff/ -b "$jars/moderator"
check "revoking the token ends its sessions at once" eq "$STATUS" 303
http POST '/staff/sign-out?lang=en' -b "$jars/staff" --data-urlencode "csrf=$staff_csrf"
check "sign-out: 303 to the sign-in page" eq "$STATUS $(header Location)" "303 /staff/sign-in?lang=en"
check "... and the cookie is cleared" contains "$(header Set-Cookie)" "kenes_staff=; Path=/"
http GET /staff/ -b "$jars/staff"
check "the old cookie no longer works" eq "$STATUS" 303
audit=$(echo "SELECT string_agg(event, ',' ORDER BY id) FROM kenes.staff_audit WHERE token_id = :'id'" | sql -v id="$(token_id "${token[staff]}")")
check "the audit log has the sign-ins and the sign-out" contains "$audit" "sign_in,sign_in,sign_out"
check "the audit log refuses changes" not sql -c "DELETE FROM kenes.staff_audit" 2>/dev/null
check "the handler's log never holds a token" not grep -qF -e "${token[staff]}" -e "${token[analyst]}" "$KENES_HANDLER_LOG"
http GET /staff/ -b "kenes_staff=$old"
check "a made-up or old session id: 303" eq "$STATUS" 303

# --- the throttle, from an address of its own (127.x.y.z: loopback too), so that the
# failures it needs slow no other suite's sign-ins for their minute.
addr=127.$((RANDOM % 200 + 20)).$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))
sign_in_from() { # PRINCIPAL TOKEN
	rm -f "$jars/$1"
	http GET '/staff/sign-in?lang=en' --interface "$addr"
	http POST '/staff/sign-in?lang=en' --interface "$addr" -c "$jars/$1" \
		--data-urlencode "form_token=$(printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')" \
		--data-urlencode "token=$2"
}
sign_in_from bad "kns_$(printf '%043d' 0)"
check "a wrong token: 401 with the form again" eq "$STATUS" 401
check "... which says so" contains "$BODY" "unknown or revoked"
for i in 1 2 3 4 5 6; do sign_in_from bad "kns_$(printf '%043d' "$i")"; [ "$STATUS" = 429 ] && break; done
check "failures from one address are slowed: 429 within 6 tries" eq "$STATUS" 429
check "... with Retry-After" eq "$(header Retry-After)" 60
check "each failure is in the audit log, with its address" \
	eq "$(echo "SELECT count(*) FROM kenes.staff_audit WHERE event = 'sign_in_failed' AND address = :'a'" | sql -v a="$addr")" 5
sign_in_from staff2 "${token[analyst]}"
check "while slowed, even a good token waits" eq "$STATUS" 429
sign_in staff2 "${token[analyst]}"
check "another address is not slowed" eq "$STATUS" 303
finish
