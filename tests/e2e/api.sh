#!/usr/bin/env bash
# End to end through real nginx: the JSON API, every error class, byte-exact storage.
# Needs BASE_URL and KENES_ADMIN_URL (set by tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

post_json() { http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$1"; }
# A valid body with one field replaced: body_with '.stance = "maybe"'
body_with() {
	jq -cn --arg t "Предлагаю уточнить статью" "{consultation: \"constitution-2026\", target: \"article:4\",
		stance: \"amend\", topics: [\"sovereignty\"], text: \$t, lang: \"ru\", region: \"KZ-71\"} | $1"
}
stored_text() { echo "SELECT text FROM kenes.proposal WHERE id = :'id'" | sql -v id="$1"; }

# --- structure ---------------------------------------------------------------------------
http GET /healthz
check "healthz answers 200" eq "$STATUS" 200
http GET /api/v1/consultations/constitution-2026
check "structure 200" eq "$STATUS" 200
check "preamble, general, 11 sections, 95 articles" eq "$(json '.parts | length')" 108
check "95 articles" eq "$(json '[.parts[] | select(.kind == "article")] | length')" 95
check "11 sections" eq "$(json '[.parts[] | select(.kind == "section")] | length')" 11
check "section 1 has its public title" eq "$(json '.parts[] | select(.target == "section:1") | .label.en')" \
	"Section 1. Foundations of the Constitutional Order"
check "article 4 exists" eq "$(json '.parts[] | select(.target == "article:4") | .label.ru')" "Статья 4"
check "regions: 17 + 3 cities + abroad + unspecified" eq "$(json '.regions | length')" 22
check "topics in three languages" eq "$(json '[.topics[] | select(.label.kk and .label.ru and .label.en)] | length >= 8')" true
http GET /api/v1/consultations/no-such-thing
check "unknown consultation 404" eq "$STATUS" 404
check "404 is JSON" eq "$(json .error.code)" not_found

# --- valid submissions -------------------------------------------------------------------
text='Народ Казахстана — единственный источник государственной власти. «Кавычки» & <теги>'
post_json "$(body_with ".text = $(jq -n --arg t "$text" '$t')")"
check "JSON submission 201" eq "$STATUS" 201
id=$(json .id)
check "Location points at the proposal" eq "$(header Location)" "/api/v1/proposals/$id"
check "response echoes the stored text" eq "$(json .text)" "$text"
check "response has created_at" contains "$(json .created_at)" "T"
check "channel api" eq "$(json .channel)" api
check "topics stored" eq "$(json '.topics | join(",")')" sovereignty
check "Cyrillic text stored byte-exact" eq "$(stored_text "$id")" "$text"
http GET "/api/v1/proposals/$id"
check "GET the proposal 200" eq "$STATUS" 200
check "GET shows the same text" eq "$(json .text)" "$text"
check "GET hides nothing it should show" eq "$(json '.target + " " + .stance + " " + .lang + " " + .region')" "article:4 amend ru KZ-71"

# The 201 body is written by the handler (fcgi/created.c); it must be byte for byte what the
# database's kenes.proposal_json_by_id writes (the body before migration 007), escapes and
# topic order included.
same_as_sql() { # WHAT: the last response's body against the database's JSON of its id
	local sqlbody
	sqlbody=$(echo "SELECT kenes.proposal_json_by_id(:'id')::text" | sql -v id="$(json .id)")
	check "$1: 201 body byte-identical to proposal_json_by_id" eq "$BODY" "$sqlbody"
}
odd=$(printf 'Tab\there, "quotes" \\ back/slash\nnew line <b>&amp;</b> ё ә \u00e9 \xf0\x9f\x98\x80 end')
post_json "$(jq -cn --arg t "$odd" '{consultation: "constitution-2026", target: "section:2", stance: "amend",
	topics: ["land", "sovereignty", "language"], text: $t, proposed_wording: "Новая\tредакция \"x\"",
	lang: "ru", region: "abroad"}')"
check "odd text 201" eq "$STATUS" 201
same_as_sql "escapes, three topics, wording"
post_json "$(jq -cn '{target: "preamble", stance: "support", text: "x", lang: "en"}')"
same_as_sql "no topics, no wording, no consultation"
post_json "$(body_with '.target = "article:95"')"
same_as_sql "article 95"
keyed() { http POST /api/v1/proposals -H 'Content-Type: application/json' -H "Idempotency-Key: $1" --data-binary "$2"; }
kbody=$(body_with '.topics = ["language", "sovereignty"]')
keyed "api-same-body-$$" "$kbody"
first=$BODY
check "keyed 201" eq "$STATUS" 201
keyed "api-same-body-$$" "$kbody"
check "keyed replay: 201 and the same bytes" eq "$STATUS $BODY" "201 $first"
same_as_sql "keyed"

kk='Халық — мемлекеттік биліктің бірден-бір бастауы: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І'
post_json "$(jq -cn --arg t "$kk" '{target: "preamble", stance: "support", text: $t, lang: "kk"}')"
check "Kazakh submission without consultation (single open one) 201" eq "$STATUS" 201
kid=$(json .id)
check "Kazakh letters stored byte-exact" eq "$(stored_text "$kid")" "$kk"
check "region defaults to unspecified" eq "$(json .region)" unspecified
check "no topics is an empty list" eq "$(json '.topics | length')" 0

post_json "$(jq -cn '{target: "general", stance: "oppose", text: "General remark in English.", lang: "en", topics: ["language", "land", "language"]}')"
check "general target, duplicate topic folded" eq "$STATUS/$(json '.topics | length')" 201/2
post_json "$(body_with '.target = "section:11" | .proposed_wording = "Новая редакция раздела."')"
check "section target with proposed wording" eq "$STATUS/$(json .proposed_wording)" "201/Новая редакция раздела."

nfd=$(printf 'e\xcc\x81t\xc3\xa9')  # "e" + combining acute, then precomposed
post_json "$(jq -cn --arg t "$nfd" '{target: "general", stance: "support", text: $t, lang: "en"}')"
check "text normalised to NFC" eq "$(stored_text "$(json .id)")" "$(printf '\xc3\xa9t\xc3\xa9')"
long=$(printf 'ж%.0s' $(seq 5000))
post_json "$(jq -cn --arg t "$long" '{target: "general", stance: "support", text: $t, lang: "kk"}')"
check "5000 Cyrillic characters accepted" eq "$STATUS" 201

# --- 422: each field rule names its field -------------------------------------------------
expect_422() { # FIELD CODE JQ-EDIT
	post_json "$(body_with "$3")"
	check "422 $2 on $1 ($3)" eq "$STATUS ${BODY:+$(json .error.field) $(json .error.code)}" "422 $1 $2"
}
expect_422 target required 'del(.target)'
expect_422 target unknown_target '.target = "article:96"'
expect_422 target invalid_target '.target = "chapter:1"'
expect_422 target invalid_target '.target = "article:0"'
expect_422 stance required 'del(.stance)'
expect_422 stance invalid_stance '.stance = "maybe"'
expect_422 topics unknown_topic '.topics = ["astrology"]'
expect_422 topics too_many_topics '.topics = ["sovereignty","language","land","parliament","president","judiciary"]'
expect_422 topics invalid_type '.topics = "sovereignty"'
expect_422 text required 'del(.text)'
expect_422 text required '.text = ""'
expect_422 text required '.text = "  \n\t "'
expect_422 text text_too_long ".text = \"$(printf 'ж%.0s' $(seq 5001))\""
expect_422 text invalid_type '.text = 42'
expect_422 proposed_wording wording_not_allowed '.stance = "support" | .proposed_wording = "x"'
expect_422 lang required 'del(.lang)'
expect_422 lang invalid_lang '.lang = "de"'
expect_422 region unknown_region '.region = "KZ-99"'
expect_422 consultation unknown_consultation '.consultation = "budget-2027"'
expect_422 colour unknown_field '.colour = "red"'
post_json "$(body_with 'del(.target) | .stance = "maybe"')"
check "every field error listed" eq "$(json '[.errors[].field] | join(",")')" target,stance

# --- 400: malformed requests ------------------------------------------------------------
expect_400() { # CODE DESCRIPTION BODY
	post_json "$3"
	check "400 $1: $2" eq "$STATUS $(json .error.code)" "400 $1"
}
expect_400 malformed_json "truncated JSON" '{"target": "article:4", '
expect_400 malformed_json "a JSON array" '[1, 2]'
expect_400 malformed_json "duplicate keys" '{"text": "a", "text": "b", "target": "general", "stance": "support", "lang": "en"}'
expect_400 malformed_json "deep nesting" "$(printf '[%.0s' $(seq 100))$(printf ']%.0s' $(seq 100))"
expect_400 malformed_json "huge number" '{"target": 1e999999}'
expect_400 invalid_utf8 "invalid UTF-8" "$(printf '{"target":"general","stance":"support","lang":"en","text":"\xff\xfe"}')"
expect_400 invalid_utf8 "overlong encoding" "$(printf '{"target":"general","stance":"support","lang":"en","text":"\xc0\xaf"}')"
expect_400 control_character "escaped NUL" '{"target":"general","stance":"support","lang":"en","text":"a\u0000b"}'
expect_400 control_character "escaped BEL" '{"target":"general","stance":"support","lang":"en","text":"a\u0007b"}'
expect_400 control_character "control character in a one-line field" '{"target":"gen\u0001eral","stance":"support","lang":"en","text":"x"}'

# --- other statuses ---------------------------------------------------------------------
http POST /api/v1/proposals -H 'Content-Type: text/plain' --data 'hello'
check "415 for text/plain" eq "$STATUS $(json .error.code)" "415 unsupported_media_type"
http POST /api/v1/proposals
check "415 without a content type" eq "$STATUS" 415
head -c 200000 /dev/zero | tr '\0' 'a' >"$_tmp/big"
http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "@$_tmp/big"
check "413 over the body limit (nginx)" eq "$STATUS $(json .error.code)" "413 body_too_large"
head -c 120000 /dev/zero | tr '\0' 'a' >"$_tmp/big"
http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "@$_tmp/big"
check "413 over the handler's own limit (run-all sets it below nginx's)" eq "$STATUS $(json .error.code)" "413 body_too_large"
http PUT /api/v1/proposals
check "405 PUT on the collection" eq "$STATUS $(header Allow)" "405 GET, HEAD, POST"
http DELETE "/api/v1/proposals/$id"
check "405 DELETE on a proposal" eq "$STATUS $(header Allow)" "405 GET, HEAD"
http GET /api/v1/proposals/999999999
check "404 unknown proposal" eq "$STATUS $(json .error.code)" "404 not_found"
http GET /api/v1/proposals/abc
check "404 non-numeric id" eq "$STATUS" 404
http GET /api/v1/proposals/99999999999999999999999
check "404 id out of range" eq "$STATUS" 404
http GET /api/v1/nothing
check "404 unknown API path is JSON" eq "$STATUS $(json .error.code)" "404 not_found"
echo "UPDATE kenes.proposal SET status = 'hidden' WHERE id = :'id'" | sql -v id="$kid"
http GET "/api/v1/proposals/$kid"
check "hidden proposal 404" eq "$STATUS" 404

# --- headers ----------------------------------------------------------------------------
http GET /healthz
check "no server version" eq "$(header Server)" nginx
check "CSP without inline script" contains "$(header Content-Security-Policy)" "script-src 'self'"
check "nosniff" eq "$(header X-Content-Type-Options)" nosniff
check "request id" contains "$(header X-Request-Id)" ""
check "JSON content type" contains "$(header Content-Type)" application/json

# --- metrics ------------------------------------------------------------------------------
http GET /metrics
check "metrics 200, Prometheus text" eq "$STATUS $(header Content-Type)" "200 text/plain; version=0.0.4; charset=utf-8"
check "counts stored proposals" contains "$BODY" 'kenes_requests_total{route="submit",status="201"}'
check "counts refusals" contains "$BODY" 'kenes_requests_total{route="submit",status="422"}'
check "latency histogram" contains "$BODY" 'kenes_request_duration_seconds_bucket{le="+Inf"}'
check "commit batches seen" test "$(printf '%s\n' "$BODY" | awk '$1 == "kenes_commit_batch_size_count" {print $2}')" -gt 0
check "queue depth gauge" contains "$BODY" 'kenes_commit_queue_depth '

finish
