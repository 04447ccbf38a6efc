#!/usr/bin/env bash
# End to end through real nginx: the HTML form without JavaScript, as curl sees it.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

# Each form post carries a fresh token from the form page, as a browser's would.
form_token() {
	curl -s "$BASE_URL/" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p'
}
form_post() {
	http POST /api/v1/proposals -H 'Content-Type: application/x-www-form-urlencoded' \
		--data-urlencode "form_token=$(form_token)" "$@"
}

http GET /
check "form 200" eq "$STATUS" 200
check "default language is Kazakh" contains "$BODY" '<html lang="kk">'
check "HTML content type" eq "$(header Content-Type)" "text/html; charset=utf-8"
http GET / -H 'Accept-Language: ru-RU,ru;q=0.9,en;q=0.8'
check "Accept-Language picks Russian" contains "$BODY" '<html lang="ru">'
http GET '/?lang=en' -H 'Accept-Language: ru'
check "?lang overrides Accept-Language" contains "$BODY" '<html lang="en">'
check "article picker has article 4" contains "$BODY" '<option value="article:4">Article 4</option>'
check "sections group" contains "$BODY" '<optgroup label="Sections">'
check "section 1 title" contains "$BODY" 'Section 1. Foundations of the Constitutional Order'
check "text area labelled" contains "$BODY" '<label for="f-text">'
check "character limit" contains "$BODY" 'maxlength="5000"'
check "no inline script" lacks "$BODY" '<script>'
check "no external resources" lacks "$BODY" 'http'
http HEAD /
check "HEAD / 200" eq "$STATUS" 200
http POST /
check "POST / is 405" eq "$STATUS $(header Allow)" "405 GET, HEAD"
http GET /static/kenes.css
check "stylesheet served by nginx" eq "$STATUS" 200

text='Предлагаю закрепить: народ — единственный источник власти'
form_post --data-urlencode consultation=constitution-2026 --data-urlencode target=article:4 \
	--data-urlencode stance=support --data-urlencode topics=sovereignty --data-urlencode topics=language \
	--data-urlencode "text=$text" --data-urlencode lang=ru --data-urlencode region=KZ-75 \
	--data-urlencode ui_lang=ru
check "form submission 303" eq "$STATUS" 303
location=$(header Location)
check "303 to the receipt in Russian" contains "$location" "/receipt?lang=ru"
id=$(echo "$location" | sed -n 's|^/proposals/\([0-9]*\)/receipt.*|\1|p')
check "stored with channel web" eq "$(echo "SELECT channel || ' ' || text FROM kenes.proposal WHERE id = :'id'" | sql -v id="$id")" "web $text"
check "both topics stored" eq "$(echo "SELECT count(*) FROM kenes.proposal_topic WHERE proposal_id = :'id'" | sql -v id="$id")" 2
http GET "$location"
check "receipt 200" eq "$STATUS" 200
check "receipt in Russian" contains "$BODY" "Спасибо! Ваше предложение зарегистрировано"
check "receipt shows the number" contains "$BODY" "<strong>$id</strong>"
check "receipt shows the text" contains "$BODY" "$text"
http GET /proposals/999999999/receipt
check "unknown receipt 404 page" eq "$STATUS" 404

# Errors: the form comes back with messages beside fields and what was typed kept.
form_post --data-urlencode consultation=constitution-2026 --data-urlencode target=article:4 \
	--data-urlencode 'text=   ' --data-urlencode lang=en --data-urlencode ui_lang=en \
	--data-urlencode 'proposed_wording=<b>kept</b>'
check "form errors 422" eq "$STATUS" 422
check "HTML, not JSON" contains "$(header Content-Type)" text/html
check "error summary" contains "$BODY" 'class="error-summary"'
check "summary links to the field" contains "$BODY" 'href="#f-stance"'
check "message beside the text field" contains "$BODY" '<p class="field-error" id="e-text">Please fill in this field.</p>'
check "field marked invalid, error described" contains "$BODY" 'aria-invalid="true" aria-describedby="h-text e-text"'
check "chosen article kept" contains "$BODY" '<option value="article:4" selected>'
check "typed text kept, escaped" contains "$BODY" '&lt;b&gt;kept&lt;/b&gt;</textarea>'

xss='<script>alert(1)</script>"><img src=x onerror=alert(2)>'
form_post --data-urlencode target=general --data-urlencode stance=support \
	--data-urlencode "text=$xss" --data-urlencode lang=en --data-urlencode ui_lang=en
check "XSS payload stored as text" eq "$STATUS" 303
http GET "$(header Location)"
check "receipt escapes the payload" contains "$BODY" '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'
check "no live script tag" lacks "$BODY" '<script>alert'

form_post --data 'target=general&stance=support&lang=en&text=%zz'
check "malformed form encoding 400" eq "$STATUS" 400
form_post --data 'target=general&stance=support&lang=en&text=a%00b'
check "NUL in a form 400" eq "$STATUS" 400
form_post --data 'target=general&stance=support&lang=en&text=%FF%FE'
check "invalid UTF-8 in a form 400" eq "$STATUS" 400

finish
