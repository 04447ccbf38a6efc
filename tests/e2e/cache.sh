#!/usr/bin/env bash
# nginx's microcache in front of the public reads (deploy/nginx/kenes-server.conf): what is
# cached and what never is, that languages and query strings never mix, and how old a support
# count a reader may see (docs/OPERATIONS.md "The read cache"). X-Cache-Status is nginx's
# $upstream_cache_status; it is absent where no cache is configured.
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
cache() { header X-Cache-Status; }
# From the cache: a HIT, or the same entry served STALE (or UPDATING) when a loaded machine
# took over a second between the two requests.
cached() { case $(cache) in HIT | STALE | UPDATING) echo cached ;; *) cache ;; esac; }
# A query string of its own per check, so no earlier request of this suite (or another
# suite running at the same time) has filled the entry.
uniq=$$-$RANDOM

# --- a second anonymous GET within the second is a HIT ------------------------------------
json_post /api/v1/proposals "$(jq -cn --arg t "Кэш: предложение $uniq" '{target: "article:4", stance: "support", text: $t, lang: "ru"}')"
check "POST is never cached" eq "$STATUS [$(cache)]" "201 []"
pid=$(json .id)
http GET "/api/v1/proposals/$pid"
first=$BODY
check "first GET of a proposal: MISS" eq "$STATUS $(cache)" "200 MISS"
http GET "/api/v1/proposals/$pid"
check "second GET within the second: from the cache" eq "$STATUS $(cached)" "200 cached"
check "the HIT is the same body" eq "$BODY" "$first"
# The security headers stay on cached answers.
check "a HIT keeps the security headers" eq "$(header X-Content-Type-Options)" nosniff
http GET "/proposals?target=article:4&sort=newest&u=$uniq&lang=ru"
http GET "/proposals?target=article:4&sort=newest&u=$uniq&lang=ru"
check "list page: from the cache" eq "$STATUS $(cached)" "200 cached"
http GET "/api/v1/proposals?target=article:4&u=$uniq"
http GET "/api/v1/proposals?target=article:4&u=$uniq"
check "list JSON: from the cache" eq "$STATUS $(cached)" "200 cached"
http GET "/api/v1/consultations/constitution-2026?u=$uniq"
http GET "/api/v1/consultations/constitution-2026?u=$uniq"
check "consultation structure: from the cache" eq "$STATUS $(cached)" "200 cached"

# A HEAD's answer has no body: it must not become a GET's.
http HEAD "/api/v1/proposals?target=article:4&u=head-$uniq"
http GET "/api/v1/proposals?target=article:4&u=head-$uniq"
check "GET after HEAD: a body, not HEAD's empty one" eq "$STATUS $(cache) $(json '.items | type')" "200 MISS array"

# --- languages and query strings never mix ------------------------------------------------
# kk, ru, kk again: the third must be kk's own entry. The three go in one curl, one
# connection, so that they fit in the cache's second; where a loaded machine took longer
# (EXPIRED: nginx refetched the entry), the three again on a fresh URI.
lang_of() { grep -o '<html lang="[a-z]*">' "$1"; }
status_of() { tr -d '\r' <"$1" | sed -n 's/^[Xx]-[Cc]ache-[Ss]tatus: //p'; }
for try in 1 2 3 4 5; do
	list=/proposals?target=article:4\&u=lang-$try-$uniq
	curl -s -o "$_tmp/kk1" "$BASE_URL$list&lang=kk" --next -s -o "$_tmp/ru" -D "$_tmp/ru.h" "$BASE_URL$list&lang=ru" \
		--next -s -o "$_tmp/kk2" -D "$_tmp/kk2.h" "$BASE_URL$list&lang=kk"
	[ "$(status_of "$_tmp/kk2.h")" = EXPIRED ] || break
done
kk_first=$(lang_of "$_tmp/kk1")
ru="$(status_of "$_tmp/ru.h") $(lang_of "$_tmp/ru")"
kk_again="$(status_of "$_tmp/kk2.h") $(lang_of "$_tmp/kk2")"
case $kk_again in HIT\ * | STALE\ * | UPDATING\ *) kk_again="cached ${kk_again#* }" ;; esac
check "?lang=kk: kk page" eq "$kk_first" '<html lang="kk">'
check "?lang=ru after ?lang=kk: MISS, ru page" eq "$ru" 'MISS <html lang="ru">'
check "?lang=kk again: from the cache, still kk" eq "$kk_again" \
	'cached <html lang="kk">'
# Without ?lang=, Accept-Language decides, so it is part of the key.
http GET "$list" -H 'Accept-Language: ru'
check "no ?lang=, Accept-Language ru: ru page" contains "$BODY" '<html lang="ru">'
http GET "$list" -H 'Accept-Language: kk'
check "same URI, Accept-Language kk: MISS, kk page" eq "$(cache) $(printf '%s' "$BODY" | grep -o '<html lang="[a-z]*">')" \
	'MISS <html lang="kk">'
http GET "$list" -H 'Accept-Language: en'
check "same URI, Accept-Language en: en page" contains "$BODY" '<html lang="en">'
# Query strings the handler reads differently from a plain ?lang= key on the header too.
for q in "LANG=ru" "lang=r%75" "lang=xx" "lang=ru&lang=kk"; do
	http GET "$list&$q" -H 'Accept-Language: en'
	a=$(printf '%s' "$BODY" | grep -o '<html lang="[a-z]*">')
	http GET "$list&$q" -H 'Accept-Language: kk'
	b=$(printf '%s' "$BODY" | grep -o '<html lang="[a-z]*">')
	case $q in
	lang=r%75 | lang=ru*) want_a='<html lang="ru">' want_b='<html lang="ru">' ;;
	*) want_a='<html lang="en">' want_b='<html lang="kk">' ;;
	esac
	check "?$q: each reader gets the handler's language" eq "$a / $b" "$want_a / $want_b"
done
http GET "/api/v1/proposals/$pid?x=1"
check "another query string is another entry" eq "$(cache)" MISS

# --- with a Cookie or Authorization: never a HIT, never stored ----------------------------
for h in 'Cookie: session=abc' 'Authorization: Bearer not-a-token'; do
	u="/api/v1/proposals?target=article:4&u=cred-${h%%:*}-$uniq"
	http GET "$u" -H "$h"
	http GET "$u" -H "$h"
	check "${h%%:*}: not from the cache" eq "$(cache)" BYPASS
	http GET "$u"
	check "${h%%:*}: its answer was not stored for others" eq "$(cache)" MISS
	http GET "$u" -H "$h"
	check "${h%%:*}: not served a stored anonymous answer" eq "$(cache)" BYPASS
done

# --- never cached: forms, proposal pages, receipts, ?done=, health, metrics, tallies ------
for p in "/?lang=ru" "/proposals/$pid?lang=ru" "/proposals/$pid/receipt?lang=ru" \
	"/proposals/$pid?done=created&lang=ru" /healthz /api/v1/tallies "/api/v1/reports/x" \
	"/api/v1/moderation/queue"; do
	http GET "$p"
	http GET "$p"
	check "$p: no cache in the way" eq "[$(cache)]" "[]"
done
# The form page and a proposal's page embed a one-time token (the form's idempotency key).
token() { printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' | head -1; }
http GET "/proposals/$pid?lang=ru"
t1=$(token)
http GET "/proposals/$pid?lang=ru"
check "two readers of a proposal page get two form tokens" test -n "$t1" -a "$t1" != "$(token)"
http POST /api/v1/proposals -H 'Content-Type: application/json' \
	--data '{"target":"article:4","stance":"support","text":"second POST","lang":"ru"}'
check "a second POST reaches the handler" eq "$STATUS [$(cache)]" "201 []"

# --- how old a support count can be -------------------------------------------------------
# An entry is valid for 1 s as nginx counts (whole seconds: until the end of the next one),
# and may be served for one more while it is refreshed (stale-while-revalidate=1), so a
# reader polling a proposal sees a new support at most 3 s late, plus one answer's time.
spid=$(new_proposal "Кэш: счётчик $uniq")
http GET "/api/v1/proposals/$spid"
json_post "/api/v1/proposals/$spid/supports" "{\"iin\":\"$(iin 4401)\"}"
check "support stored" eq "$STATUS $(json .supports)" "201 1"
# Judged by when each request was sent: on a loaded machine the polls come further apart,
# which may make the first fresh answer late but never makes a stale answer late. The last
# stale answer must have been asked for within 3.2 s of the support.
ms_since() { local now=${EPOCHREALTIME//[!0-9]/}; echo $(((now - $1) / 1000)); }
start=${EPOCHREALTIME//[!0-9]/} # any locale's decimal sign
seen="" stale=0
for _ in $(seq 80); do
	asked=$(ms_since "$start")
	http GET "/api/v1/proposals/$spid"
	[ "$(json .supports)" = 1 ] && { seen=$asked; break; }
	stale=$asked
	sleep 0.05
done
echo "a polling reader saw the new support in the answer to a request sent after ${seen:-never} ms (the last stale one after $stale ms)"
check "a polling reader sees a support within 3.2 s (last stale answer to a request sent after $stale ms)" \
	test -n "$seen" -a "$stale" -lt 3200
# After a quiet spell the first reader gets a fresh answer, not the last one stored
# (stale-while-revalidate covers one second only; no `fastcgi_cache_use_stale updating`).
http GET "/api/v1/proposals/$spid"
json_post "/api/v1/proposals/$spid/supports" "{\"iin\":\"$(iin 4402)\"}"
sleep 3.1
http GET "/api/v1/proposals/$spid"
check "first read after 3 s quiet: fresh, not stale" eq "$(json .supports) $(cache)" "2 EXPIRED"

# --- what the handler tells caches: Cache-Control, ETag, 304 -----------------------------
http GET "/api/v1/proposals/$spid?etag=$uniq"
etag=$(header ETag)
check "a public read: public, max-age=1" eq "$(header Cache-Control)" "public, max-age=1, stale-while-revalidate=1"
check "a public read: a strong ETag" test -n "$(printf '%s' "$etag" | grep -xE '"[0-9a-f]{32}"')"
rm -f "$_tmp/body" # curl writes no file for an answer without a body
http GET "/api/v1/proposals/$spid?etag=$uniq" -H "If-None-Match: $etag" 2>/dev/null
check "If-None-Match with its ETag: 304, no body" eq "$STATUS [$BODY]" "304 []"
http GET "/api/v1/proposals/$spid?etag=$uniq" -H 'If-None-Match: "something-else"'
check "If-None-Match with another tag: 200" eq "$STATUS $(json .id)" "200 $spid"
for p in "/?lang=ru" "/proposals/$spid?lang=ru" "/proposals/$spid/receipt?lang=ru" /healthz "/api/v1/proposals/999999999999"; do
	http GET "$p"
	check "$p: private, no-store, no ETag" eq "$(header Cache-Control) [$(header ETag)]" "private, no-store []"
done
http GET /api/v1/tallies -H 'Authorization: Bearer not-a-token'
check "a token's answer: private, no-store" eq "$(header Cache-Control)" "private, no-store"
# Straight to the handler (nginx drops If-None-Match on its way there and answers 304 from
# its cache itself): its own 304, and nothing public for a bearer token.
if [ -S "${KENES_FCGI_SOCKET:-}" ]; then
	direct() { python3 "$(dirname "$0")/../lib/fcgi_get.py" "$KENES_FCGI_SOCKET" "$@" | tr -d '\r'; }
	out=$(direct "/api/v1/proposals/$spid")
	tag=$(printf '%s\n' "$out" | sed -n 's/^ETag: //p')
	check "handler: ETag on a public read" test -n "$tag"
	out=$(direct "/api/v1/proposals/$spid" "HTTP_IF_NONE_MATCH=W/$tag")
	check "handler: 304 on a matching If-None-Match, no body" \
		eq "$(printf '%s\n' "$out" | head -1) $(printf '%s\n' "$out" | sed '1,/^$/d' | wc -c)" "Status: 304 Not Modified 0"
	out=$(direct "/api/v1/proposals/$spid" "HTTP_AUTHORIZATION=Bearer x")
	check "handler: with a bearer token, private" contains "$out" "Cache-Control: private, no-store"
	out=$(direct "/proposals/$spid?lang=ru" "HTTP_IF_NONE_MATCH=*")
	check "handler: a proposal page is never 304" contains "$out" "Status: 200 OK"
else
	check "KENES_FCGI_SOCKET names the handler's socket" false
fi

finish
