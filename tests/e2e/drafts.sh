#!/usr/bin/env bash
# Evolving drafts through real nginx: proposals on version 1, refused mappings that change
# nothing, version 2 loaded with its mapping (sql/migrate --load-version) while the handler
# runs, old numbering refused with 422, proposals on version 2, and tallies per version and
# per identity across versions equal to independent recounts (docs/DRAFTS.md).
# Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh) and a built bin/kenes-aggregator.
# Uses a consultation of its own (closed again at the end): the other suites keep theirs.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
# The day (local) this suite began: a range "since then" still holds its proposals when
# midnight passes while it runs (tests/clocks.sh runs it a minute before one).
since=$(echo "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date" | sql)
. "$(dirname "$0")/../lib/iin.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
C=drafts-e2e
B=$((RANDOM % 80 * 100)) # IIN serials of this run: a rerun on the same database meets no cap
v2file=$_tmp/v2.json
jq --arg c "$C" '.slug = $c' "$root/sql/data/constitution-2026.v2-illustrative.json" >"$v2file"
# Opened today: a refresh then has no past weeks' reports to issue for it.
jq --arg c "$C" '.slug = $c | .opens_at = (now | strftime("%Y-%m-%dT00:00:00Z"))' \
	"$root/sql/data/constitution-2026.json" >"$_tmp/v1.json"
"$root/sql/migrate" "$KENES_ADMIN_URL" --load "$_tmp/v1.json" >/dev/null
trap 'echo "UPDATE kenes.consultation SET status = '"'closed'"' WHERE slug = '"'$C'"'" | sql; rm -rf "$_tmp"' EXIT

post() { # TARGET STANCE [IIN-SERIAL] [VERSION]: POST a proposal; prints its id
	local doc
	doc=$(jq -cn --arg c "$C" --arg t "$1" --arg s "$2" --arg iin "${3:+$(iin "$3")}" --arg v "${4:-}" \
		'{consultation: $c, target: $t, stance: $s, text: "Proposal on \($t)", lang: "en"}
		 + (if $iin != "" then {iin: $iin} else {} end) + (if $v != "" then {version: ($v | tonumber)} else {} end)')
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary "$doc"
	[ "$STATUS" = 201 ] && json .id
}
# What the test itself posted, per "version target": the expected counts.
declare -A posted
post_many() { # VERSION TARGET COUNT [IIN-SERIAL...]: COUNT proposals, the first ones by those people
	local v=$1 t=$2 n=$3 i id
	shift 3
	for i in $(seq "$n"); do
		id=$(post "$t" "$(echo support oppose amend | cut -d' ' -f$((i % 3 + 1)))" "${1:-}" "$v")
		[ $# -gt 0 ] && shift
		[ -n "$id" ] && posted["$v $t"]=$((${posted["$v $t"]:-0} + 1))
	done
}
state() { # the consultation's versions, parts, identities and mappings, as one line
	sql -v c="$C" <<'SQL'
SELECT (SELECT string_agg(v.number || CASE WHEN v.is_current THEN '*' ELSE '' END, ',' ORDER BY v.number)
        FROM kenes.draft_version v WHERE v.consultation_id = c.id) || ' '
    || (SELECT count(*) FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id WHERE v.consultation_id = c.id) || ' '
    || (SELECT count(*) FROM kenes.part_identity i WHERE i.consultation_id = c.id) || ' '
    || (SELECT count(*) FROM kenes.part_mapping m JOIN kenes.draft_version v ON v.id = m.version_id WHERE v.consultation_id = c.id)
FROM kenes.consultation c WHERE c.slug = :'c'
SQL
}

# --- version 1 -------------------------------------------------------------------------------
post_many 1 article:4 3 $((B + 101)) $((B + 102))
post_many 1 article:5 3 $((B + 103)) $((B + 104))
post_many 1 article:20 2 $((B + 105))
post_many 1 article:21 2 $((B + 106))
post_many 1 article:40 3 $((B + 107))
post_many 1 article:90 2
post_many 1 article:95 1
old5=$(post article:5 support $((B + 108)) 1)
posted["1 article:5"]=$((${posted["1 article:5"]} + 1))
old90=$(post article:90 oppose)
posted["1 article:90"]=$((${posted["1 article:90"]} + 1))
check "proposals on version 1 stored" test "${posted["1 article:4"]:-0}" -eq 3 -a -n "$old5" -a -n "$old90"
http POST "/api/v1/proposals/$old5/supports" -H 'Content-Type: application/json' --data "{\"iin\":\"$(iin $((B + 150)))\"}"
check "a support on version 1" eq "$STATUS" 201
check "version 1 is current" eq "$(state)" "1* 108 108 0"

# --- mappings that are refused change nothing --------------------------------------------------
refused() { # WHAT JQ-EDIT EXPECTED-MESSAGE
	jq "$2" "$v2file" >"$_tmp/bad.json"
	"$root/sql/migrate" "$KENES_ADMIN_URL" --load-version "$_tmp/bad.json" >"$_tmp/bad.out" 2>&1
	check "$1: refused" not test $? -eq 0
	check "$1: says why" contains "$(cat "$_tmp/bad.out")" "$3"
	check "$1: nothing changed" eq "$(state)" "1* 108 108 0"
}
refused "an old article not mapped" '.mapping.parts |= map(select(.from != "article:7"))' \
	'part article:7 of version 1 is not mapped (map it, or mark it removed)'
refused "a target that does not exist" \
	'.mapping.parts |= map(if .from == "article:8" then .to = "article:99" else . end)' \
	'version 2 has no part "article:99"'
refused "an old article mapped twice" '.mapping.parts += [{"from": "article:3", "action": "removed"}]' \
	'part article:3 of version 1 is mapped 2 times'
refused "a new article nobody maps to" '.mapping.parts |= map(select(.to != "article:96"))' \
	'part article:96 of version 2 is neither mapped to nor marked new'
refused "a split into one piece" \
	'.mapping.parts |= map(if .from == "article:40" then .to = ["article:40"] else . end)' \
	'a split needs "to" with two or more parts'
refused "a renumbered article that loses its identity" \
	'.version.parts |= map(if .number == 6 and .kind == "article" then .key = "other" else . end)' \
	'keeps the key "article-5"'
refused "a mapping from a version that is not current" '.mapping.from_version = 3' \
	'the mapping is from version 3 but the current version of drafts-e2e is 1'
refused "an unknown action" '.mapping.parts[0].action = "moved"' 'action "moved" is not one of'
refused "several problems at once" \
	'.mapping.parts |= map(select(.from != "article:7" and .from != "article:9"))' '(4 problems)'

# --- version 2 -------------------------------------------------------------------------------
out=$("$root/sql/migrate" "$KENES_ADMIN_URL" --load-version "$v2file" 2>&1)
check "version 2 loads" contains "$out" "version 2 of drafts-e2e is current: 109 parts"
check "and is current, with its mapping" eq "$(state)" "1,2* 217 112 111"
# The same moment: whichever version this worker's cache holds, old numbering is refused.
post article:5 support "" 1 >/dev/null
check "a target in version 1's numbering: 422" eq "$STATUS $(json .error.code)" "422 version_not_current"
check "which names the current version" contains "$(json .error.message)" "version 2 is current"
out=$("$root/sql/migrate" "$KENES_ADMIN_URL" --load-version "$v2file" 2>&1)
check "loading the same file again: accepted" eq "$?" 0
check "and says nothing changed" contains "$out" "already loaded from this file; nothing changed"
check "nothing changed" eq "$(state)" "1,2* 217 112 111"
jq '.version.label.en = "Another second draft"' "$v2file" >"$_tmp/other.json"
out=$("$root/sql/migrate" "$KENES_ADMIN_URL" --load-version "$_tmp/other.json" 2>&1)
check "another file for version 2: refused" contains "$out" "version 2 of drafts-e2e is already loaded (from another file)"
"$root/sql/migrate" "$KENES_ADMIN_URL" --load "$_tmp/v1.json" >/dev/null 2>&1
check "reloading version 1's file leaves version 2 current" eq "$(state)" "1,2* 217 112 111"

# The group-commit function itself refuses a proposal checked against an older version
# (a worker whose cache is behind), and stores nothing.
before=$(sql -c "SELECT count(*) FROM kenes.proposal")
check "the database refuses a job of version 1" eq "$(sql -v c="$C" <<'SQL'
SELECT status || ' ' || code || ' ' || body FROM kenes.proposal_store_batch(jsonb_build_array(jsonb_build_object(
    'ord', 1, 'consultation', :'c', 'version', 1, 'kind', 'article', 'number', 5, 'stance', 'support',
    'text', 'Stale cache', 'lang', 'en', 'region', 'unspecified', 'channel', 'api', 'topics', '[]'::jsonb,
    'hash', '00', 'per_hour', 10)))
SQL
)" '422 version_not_current {"version": 2}'
check "and stores nothing" eq "$(sql -c "SELECT count(*) FROM kenes.proposal")" "$before"

sleep 1.2 # KENES_STRUCTURE_TTL=1 in tests/run-all.sh: every worker has version 2 by now
http GET "/api/v1/consultations/$C"
check "the structure shows version 2" eq "$(json '"\(.version) \([.parts[] | select(.kind == "article")] | length)"')" "2 96"
post article:97 support >/dev/null
check "an unknown target names the current version" contains "$(json .error.message)" "the current draft (version 2) has no part"
post article:5 support "" 1 >/dev/null
check "version 1 after the caches refreshed: still 422" eq "$STATUS $(json .error.field)" "422 version"
post article:5 support "" 3 >/dev/null
check "a version that does not exist: 422" eq "$STATUS" 422
post_many 2 article:4 2 $((B + 101))
post_many 2 article:5 2 $((B + 120))
post_many 2 article:6 2 $((B + 103)) $((B + 121))
post_many 2 article:21 3 $((B + 122))
post_many 2 article:40 1
post_many 2 article:41 2
post_many 2 article:96 1
new6=$(post article:6 support $((B + 123)))
posted["2 article:6"]=$((${posted["2 article:6"]} + 1))
check "proposals on version 2 stored, with and without version" test "${posted["2 article:21"]:-0}" -eq 3 -a -n "$new6"
http GET "/api/v1/proposals/$new6"
check "a new proposal is on version 2" eq "$(json '"\(.version) \(.target) \(.part.current)"')" "2 article:6 true"

# --- proposals of version 1 keep their article ------------------------------------------------
http GET "/api/v1/proposals/$old5"
check "an old proposal stays on version 1's article 5" eq "$(json '"\(.version) \(.target) \(.part.current)"')" "1 article:5 false"
check "and points to its successor" eq "$(json '"\(.part.now.action) \(.part.now.parts[0].target)"')" "renumbered article:6"
http GET "/api/v1/proposals/$old90"
check "a proposal on a removed article says so" eq "$(json '"\(.part.now.action) \(.part.now.parts | length)"')" "removed 0"
http GET "/proposals/$old5?lang=en"
check "its page shows its version" contains "$BODY" "<dt>Draft version</dt><dd>1</dd>"
check "and what became of the article" contains "$BODY" "renumbered: Article 6"
check "and no list link to another article 5" lacks "$BODY" "/proposals?target=article:5"

# --- lists by an older version's numbering (?version=) ----------------------------------------
list() { http GET "/api/v1/proposals?consultation=$C&$1"; }
ids() { json '[.items[].id] | sort | join(",")'; }
list "target=article:90&version=1"
check "version 1's article 90 lists its proposals" eq "$STATUS $(json '"\(.version) \(.items | length)"')" \
	"200 1 ${posted["1 article:90"]}"
check "among them the one posted last" contains ",$(ids)," ",$old90,"
list "target=article:5&version=1"
check "version 1's article 5 lists its own, not version 2's article 5" \
	eq "$(json '"\(.items | length) \([.items[] | "\(.version) \(.target)"] | unique | join(","))"')" \
	"${posted["1 article:5"]} 1 article:5"
check "including the proposal checked above" contains ",$(ids)," ",$old5,"
list "target=article:6&sort=supported"
current=$BODY
check "the current list is unchanged: no version member" eq "$(json 'has("version")') $(json '.items | length')" \
	"false $((${posted["2 article:6"]}))"
list "target=article:6&sort=supported&version=2"
check "and version=2 (current) lists the same" eq "$(json 'del(.version)' | jq -cS .)" "$(echo "$current" | jq -cS .)"
list "target=article:4&version=3"
check "an unknown version: 422 on version" eq "$STATUS $(json '"\(.error.code) \(.error.field)"')" "422 unknown_version version"
check "naming the versions there are" contains "$(json .error.message)" "no draft version 3 (its versions: 1, 2)"
list "target=article:4&version=x"
check "a version that is not a number: 422" eq "$STATUS $(json .error.code)" "422 invalid_version"
list "target=article:96&version=1"
check "a target the named version lacks: 422 unknown_target" eq "$STATUS $(json .error.code)" "422 unknown_target"
check "naming that version" contains "$(json .error.message)" 'version 1 of the draft has no part "article:96"'
http GET "/proposals?consultation=$C&target=article:90&version=1&lang=en"
check "the HTML list of version 1's article 90" eq "$STATUS" 200
check "is headed with that version's article" contains "$BODY" "Article 90 (version 1)"
check "and links its proposals" contains "$BODY" "/proposals/$old90?lang=en"

# --- tallies equal independent recounts -------------------------------------------------------
staff=$(agg token create --role analyst --name "drafts e2e" 2>/dev/null)
agg refresh 2>/dev/null
check "refresh" eq "$?" 0
tallies() { http GET "/api/v1/tallies?consultation=$C&$1" -H "Authorization: Bearer $staff"; }
recount() { # VERSION-FILTER (SQL boolean over v): "version target proposals people supports" per part
	sql -v c="$C" <<SQL
SELECT v.number || ' ' || kenes.part_target(x) || ' ' || count(p.id) || ' ' || count(DISTINCT p.submitter)
       || ' ' || coalesce(sum((SELECT count(*) FROM kenes.support s WHERE s.proposal_id = p.id)), 0)
FROM kenes.consultation c
JOIN kenes.draft_version v ON v.consultation_id = c.id
JOIN kenes.part x ON x.version_id = v.id AND x.kind = 'article'
LEFT JOIN kenes.proposal p ON p.part_id = x.id AND p.status = 'published'
WHERE c.slug = :'c' AND ($1)
GROUP BY v.number, x.id, x.ordinal ORDER BY 1
SQL
}
api_rows() { json '.rows[] | "\(.version) \(.key) \(.proposals) \(.people) \(.supports)"' | sort; }
for v in 1 2; do
	tallies "by=article&version=$v"
	check "version $v: 200" eq "$STATUS $(json .version)" "200 $v"
	check "version $v: every article equals the recount" eq "$(api_rows)" "$(recount "v.number = $v" | sort)"
done
tallies "by=article&version=all"
check "version=all: both versions' 191 articles" eq "$(json '.rows | length')" 191
check "version=all equals the recount" eq "$(api_rows)" "$(recount true | sort)"
for vt in "1 article:5" "1 article:90" "2 article:6" "2 article:21" "2 article:96"; do
	check "$vt: the API counts what was posted" eq \
		"$(json ".rows[] | select(.version == ${vt% *} and .key == \"${vt#* }\") | .proposals")" "${posted[$vt]}"
done
tallies "by=article&version=1&format=csv"
check "CSV says the version" eq "$(printf '%s' "$BODY" | head -1 | tr -d '\r')" "key,label,stance,proposals,people,supports,version"
check "and labels old parts with it" contains "$BODY" "Article 90 (version 1)"
tallies "by=article"
check "by default: the current version and old parts with proposals" eq \
	"$(json '[.rows[] | select(.version == 1) | .key] | sort | join(" ")')" \
	"article:20 article:21 article:4 article:40 article:5 article:90 article:95"

# By identity: an independent recount that follows the mapping rows one step (two versions):
# a part's identity, or the identity of the part it was merged into.
tallies "by=identity"
check "by=identity: 200" eq "$STATUS" 200
identity_recount() {
	sql -v c="$C" <<'SQL'
WITH node AS (
    SELECT x.id AS part_id,
           coalesce((SELECT t.identity_id FROM kenes.part_mapping m JOIN kenes.part t ON t.id = m.to_part_id
                     WHERE m.from_part_id = x.id AND m.action = 'merged'), x.identity_id) AS node
    FROM kenes.part x JOIN kenes.draft_version v ON v.id = x.version_id
    JOIN kenes.consultation c ON c.id = v.consultation_id WHERE c.slug = :'c')
SELECT i.key || ' ' || count(p.id) || ' ' || count(DISTINCT p.submitter)
FROM kenes.proposal p JOIN node n ON n.part_id = p.part_id JOIN kenes.part_identity i ON i.id = n.node
WHERE p.status = 'published' GROUP BY i.key ORDER BY 1
SQL
}
check "every identity with proposals equals the recount" eq \
	"$(json '.rows[] | select(.proposals > 0) | "\(.key) \(.proposals) \(.people)"' | sort)" "$(identity_recount | sort)"
check "nothing counted twice: the rows add up to every proposal" eq "$(json '[.rows[].proposals] | add')" \
	"$(sql -v c="$C" <<<"SELECT count(*) FROM kenes.proposal p JOIN kenes.consultation c ON c.id = p.consultation_id WHERE c.slug = :'c' AND p.status = 'published'")"
row() { json ".rows[] | select(.key == \"$1\") | $2"; }
check "renumbered: article 5 of version 1 and 6 of version 2 in one row" eq "$(row article-5 .proposals)" \
	"$((${posted["1 article:5"]} + ${posted["2 article:6"]}))"
check "the same person on both versions counts once" eq "$(row article-5 .people)" 5
check "its lineage lists both parts" eq "$(row article-5 '[.lineage.parts[] | "\(.version)/\(.target)=\(.proposals)"] | join(" ")')" \
	"1/article:5=${posted["1 article:5"]} 2/article:6=${posted["2 article:6"]}"
check "merged: articles 20 and 21 count toward the merged article 21" eq "$(row article-20 .proposals)" \
	"$((${posted["1 article:20"]} + ${posted["1 article:21"]} + ${posted["2 article:21"]}))"
check "and article 21 of version 1 has no row of its own" eq "$(row article-21 .key)" ""
check "split: article 40 keeps its own row" eq "$(row article-40 '"\(.proposals) \(.lineage.status) \([.lineage.split_into[].target] | join(","))"')" \
	"${posted["1 article:40"]} split article:40,article:41"
check "and the pieces theirs" eq "$(row v2-article-41 .proposals)" "${posted["2 article:41"]}"
check "removed: article 90 keeps its row, labelled with its version" eq \
	"$(row article-90 '"\(.proposals) \(.lineage.status) \(.label.en)"')" "${posted["1 article:90"]} removed Article 90 (version 1)"
check "the article on sovereignty across versions" eq "$(row article-4 .proposals)" \
	"$((${posted["1 article:4"]} + ${posted["2 article:4"]}))"
tallies "by=identity&stance=support"
check "by=identity with a stance" eq "$(json '[.rows[] | .stance] | unique | join(",")')" support
tallies "by=identity&format=csv"
check "by=identity as CSV" contains "$BODY" "article-5,Article 6,all,"

# Refusals.
tallies "by=article&version=7"
check "a version that does not exist: 422" eq "$STATUS $(json .error.code)" "422 unknown_version"
tallies "by=article&version=x"
check "a version that is not a number: 422" eq "$STATUS $(json .error.code)" "422 invalid_version"
tallies "by=topic&version=1"
check "version with by=topic: 422" eq "$STATUS $(json .error.code)" "422 invalid_version"

# --- the report labels parts of the old version ----------------------------------------------
today=$(echo "SELECT (now() AT TIME ZONE 'Asia/Almaty')::date" | sql)
agg report --consultation "$C" --from "$since" --to "$today" --format md --lang en >"$_tmp/report.md" 2>/dev/null
check "a report over both versions" eq "$?" 0
check "labels the old version's parts" contains "$(cat "$_tmp/report.md")" "Article 90 (draft 1)"

finish
