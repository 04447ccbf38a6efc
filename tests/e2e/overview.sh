#!/usr/bin/env bash
# The public overview of a draft: GET /consultations/{slug} (HTML, kk/ru/en) and
# /api/v1/consultations/{slug}?include=overview (JSON), without a token; every part's numbers
# equal a plain SQL recount of the rows after `kenes-aggregator refresh`; the structure
# without ?include= is unchanged; cached like the other public reads.
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
C=constitution-2026
NOCACHE=(-H 'Cookie: e2e=1') # a Cookie bypasses the microcache: the handler's own answer

post() { # STANCE TARGET TEXT [IIN]
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"$(jq -cn --arg s "$1" --arg t "$2" --arg x "$3" --arg iin "${4:-}" \
			'{consultation: "constitution-2026", target: $t, stance: $s, text: $x, lang: "ru"}
			 + (if $iin == "" then {} else {iin: $iin} end)')"
	json .id
}
# A small campaign (the same letter six times) and a few others, on two parts.
letter="Прошу сохранить в статье 12 право каждого на защиту своих прав и свобод всеми способами, не противоречащими закону, включая необходимую оборону."
for n in 1 2 3 4 5 6; do post support article:12 "$letter" "$(iin $((8100 + n)))" >/dev/null; done
p1=$(post oppose article:12 "Против этой редакции статьи двенадцать, она слишком широка." "$(iin 8201)")
p2=$(post amend article:13 "Предлагаю уточнить формулировку статьи тринадцать." "$(iin 8202)")
check "proposals stored" test -n "$p1" -a -n "$p2"
http POST "/api/v1/proposals/$p1/supports" -H 'Content-Type: application/json' --data "{\"iin\":\"$(iin 8301)\"}"
check "a support stored" eq "$STATUS" 201
agg refresh 2>/dev/null
check "refresh" eq "$?" 0

# --- JSON ------------------------------------------------------------------------------------
http GET "/api/v1/consultations/$C" "${NOCACHE[@]}"
structure=$BODY
check "the structure alone: no overview" eq "$STATUS $(json 'has("overview")')" "200 false"
http GET "/api/v1/consultations/$C?include=overview" "${NOCACHE[@]}"
check "overview JSON: 200 without a token" eq "$STATUS" 200
check "overview JSON: the structure, with an overview added" eq \
	"$(json 'del(.overview)' | jq -S -c .)" "$(echo "$structure" | jq -S -c .)"
check "overview JSON: as of the refresh" test -n "$(json '.overview.refreshed_at // empty')"
got=$(printf '%s' "$BODY" | jq -c '[.overview.parts[] | {target, s: (.stances | to_entries | map({key, value: [.value.proposals, .value.texts, .value.supports, .value.people]}) | from_entries)}]')
# The same from the rows: published proposals per current part and stance, each campaign once,
# supports given to them, distinct submitters.
want=$(sql <<'SQL'
SELECT jsonb_agg(jsonb_build_object('target', kenes.part_target(pt), 's', (
    SELECT jsonb_object_agg(n.st, jsonb_build_array(n.proposals, n.texts, n.supports, n.people))
    FROM (SELECT st, count(p.id) AS proposals, count(DISTINCT coalesce(-m.campaign_id, p.id)) AS texts,
                 (SELECT count(*) FROM kenes.support s JOIN kenes.proposal q ON q.id = s.proposal_id
                  WHERE q.part_id = pt.id AND q.status = 'published' AND st IN ('all', q.stance)) AS supports,
                 count(DISTINCT p.submitter) AS people
          FROM unnest(ARRAY['all', 'support', 'oppose', 'amend']) st
          LEFT JOIN kenes.proposal p ON p.part_id = pt.id AND p.status = 'published'
                                    AND st IN ('all', p.stance)
          LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
          GROUP BY st) n)) ORDER BY pt.ordinal)
FROM kenes.part pt JOIN kenes.draft_version v ON v.id = pt.version_id AND v.is_current
JOIN kenes.consultation c ON c.id = v.consultation_id AND c.slug = 'constitution-2026'
SQL
)
check "every part's numbers equal the SQL recount" eq "$(echo "$got" | jq -S -c .)" "$(echo "$want" | jq -S -c .)"
check "article 12 counts its letters" eq \
	"$(echo "$got" | jq -c '.[] | select(.target == "article:12") | [.s.all[0] >= 7, .s.support[0] >= 6, .s.oppose[2] >= 1]')" \
	"[true,true,true]"
http GET "/api/v1/consultations/nope?include=overview"
check "unknown consultation: 404" eq "$STATUS $(json .error.code)" "404 not_found"

# --- HTML ------------------------------------------------------------------------------------
for lang in kk ru en; do
	http GET "/consultations/$C?lang=$lang" "${NOCACHE[@]}"
	check "overview page ($lang): 200 HTML" eq "$STATUS $(header Content-Type)" "200 text/html; charset=utf-8"
	check "overview page ($lang): in its language" contains "$BODY" "<html lang=\"$lang\""
	check "overview page ($lang): links to each part's list" contains "$BODY" \
		"/proposals?target=article:12&amp;lang=$lang"
done
check "overview page: article 12's count" contains "$BODY" \
	"<td>$(echo "$got" | jq -r '.[] | select(.target == "article:12") | .s.all[0]')</td>"
http GET "/consultations/nope?lang=en"
check "unknown consultation page: 404" eq "$STATUS" 404

# --- cached like the other public reads --------------------------------------------------------
http GET "/consultations/$C?lang=ru"
http GET "/consultations/$C?lang=ru"
check "overview page: cached" eq "$(header Cache-Control) $(header X-Cache-Status)" \
	"public, max-age=1, stale-while-revalidate=1 HIT"
http GET "/consultations/$C?lang=ru" "${NOCACHE[@]}"
check "with a cookie: not from the cache" eq "$(header X-Cache-Status)" "BYPASS"
finish
