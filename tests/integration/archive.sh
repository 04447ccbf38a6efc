#!/usr/bin/env bash
# The open-data archive (kenes-aggregator archive --out DIR), on a cluster of its own so that
# no other suite writes between two runs. Checks that:
#   * two runs give the same bytes (diff -r), and a run over an earlier archive too;
#   * `sha256sum -c SHA256SUMS` passes, and fails when a file is changed;
#   * no pseudonym, no hidden proposal's text, no moderator's name or reason is in it;
#   * the row counts equal plain SQL recounts, CSV and JSON Lines hold the same rows, the CSV
#     parses as RFC 4180 (Python's csv), every JSON line is compact with sorted keys (jq -cS);
#   * every issued report is there byte for byte (its stored SHA-256);
#   * the README documents every column of every CSV file.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
root=$KENES_ROOT
run=a$RANDOM$RANDOM

dir=$(mktemp -d /tmp/kenes-archive.XXXXXX)
chmod 755 "$dir"
done_() {
	kenes_pg_stop "$dir/pg" 2>/dev/null
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
	rm -rf "$_tmp"
}
trap done_ EXIT
kenes_pg_init "$dir/pg" && kenes_pg_start "$dir/pg" && kenes_pg_prepare "$dir/pg" >"$dir/prepare.log" 2>&1 ||
	{ cat "$dir/prepare.log"; exit 1; }
admin=$(kenes_pg_url "$dir/pg" postgres)
on_pg() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$admin" "$@"; }
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$admin" "$@"; }

on_pg -v proposals=3000 -v supports=6000 -v first=1 -f "$root/tests/aggregator/generate.sql"
# Values the CSV writer must quote or neutralise, a hidden proposal whose text must not
# appear, and a moderation action whose moderator and reason must not either.
moderator=$(agg token create --role moderator --name "SECRET-moderator-$run" 2>/dev/null)
on_pg -v run="$run" -v token="$moderator" >/dev/null <<'SQL'
INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, channel, submitter)
SELECT v.consultation_id, v.id, p.id, 'support', t.text, 'ru', 'api', decode(md5(t.text) || md5(t.text), 'hex')
FROM kenes.draft_version v JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'general'
CROSS JOIN (VALUES ('=HYPERLINK("x") ' || :'run'), ('a "quoted", comma' || E'\n' || 'new line ' || :'run'),
                   ('SECRET-hidden-' || :'run'), ('One form letter ' || :'run'), ('One form letter ' || :'run'),
                   ('One form letter ' || :'run')) t(text)
WHERE v.is_current;
SELECT (kenes.moderate_proposal(sha256(convert_to(:'token', 'UTF8')), 'hide', id, 'SECRET-reason-' || :'run', NULL)).status
FROM kenes.proposal WHERE text = 'SECRET-hidden-' || :'run';
SQL
agg refresh 2>"$dir/refresh.log"
check "refresh (tallies, campaigns, weekly reports)" test $? -eq 0

t=$(date +%s%N)
agg archive --out "$dir/one" 2>"$dir/archive.log"
check "archive --out: exit 0" test $? -eq 0
echo "archive: 3,000 proposals in $((($(date +%s%N) - t) / 1000000)) ms"
agg archive --out "$dir/two" 2>>"$dir/archive.log"
check "byte-identical when regenerated" diff -r "$dir/one" "$dir/two"
agg archive --out "$dir/two" 2>>"$dir/archive.log"
check "and over an earlier archive" diff -r "$dir/one" "$dir/two"
check "no temporary file left" eq "$(find "$dir/one" -name '*.tmp' | wc -l)" 0
check "sha256sum -c SHA256SUMS passes" bash -c "cd '$dir/one' && sha256sum --quiet -c SHA256SUMS"
check "every file is in SHA256SUMS" eq "$(cd "$dir/one" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort)" \
	"$(awk '{ print $2 }' "$dir/one/SHA256SUMS")"
printf 'x' >>"$dir/two/proposals.csv"
check "and fails on a changed file" not bash -c "cd '$dir/two' && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1"

a=$dir/one
check "no hidden proposal's text" not grep -rqF "SECRET-hidden-$run" "$a"
check "no moderator's name" not grep -rqF "SECRET-moderator-$run" "$a"
check "no moderation reason" not grep -rqF "SECRET-reason-$run" "$a"
on_pg -c "SELECT DISTINCT encode(submitter, 'hex') FROM kenes.proposal WHERE submitter IS NOT NULL
	UNION SELECT DISTINCT encode(supporter, 'hex') FROM kenes.support LIMIT 2000" >"$dir/pseudonyms"
on_pg -c "SELECT DISTINCT encode(submitter, 'base64') FROM kenes.proposal WHERE submitter IS NOT NULL LIMIT 2000" >>"$dir/pseudonyms"
check "no pseudonym, in hex or base64 ($(wc -l <"$dir/pseudonyms") tried)" not grep -rqFf "$dir/pseudonyms" "$a"
check "no column of pseudonyms" not bash -c "head -qn 1 '$a'/*.csv | grep -qiE 'submitter|supporter'"
hidden=$(on_pg -c "SELECT count(*) FROM kenes.proposal WHERE status = 'hidden'")
check "hidden proposals exist to be left out ($hidden)" test "$hidden" -gt 1

lines() { wc -l <"$a/$1.jsonl"; }
check "proposals: the published ones" eq "$(lines proposals)" \
	"$(on_pg -c "SELECT count(*) FROM kenes.proposal WHERE status = 'published'")"
check "proposals: in id order, none hidden" eq "$(jq -r .id "$a/proposals.jsonl" | sort -n | tr '\n' ' ')" \
	"$(on_pg -c "SELECT id FROM kenes.proposal WHERE status = 'published' ORDER BY id" | tr '\n' ' ')"
check "support_days: the supports of published proposals" eq "$(jq -s 'map(.supports) | add' "$a/support_days.jsonl")" \
	"$(on_pg -c "SELECT count(*) FROM kenes.support s JOIN kenes.proposal p ON p.id = s.proposal_id WHERE p.status = 'published'")"
check "proposals.supports add up to the same" eq "$(jq -s 'map(.supports) | add' "$a/proposals.jsonl")" \
	"$(jq -s 'map(.supports) | add' "$a/support_days.jsonl")"
check "tallies: every cell" eq "$(lines tallies)" "$(on_pg -c "SELECT count(*) FROM kenes.tally_cell")"
check "tallies: the total equals the published proposals" \
	eq "$(jq -r 'select(.dim == "total" and .stance == "all") | .proposals' "$a/tallies.jsonl")" "$(lines proposals)"
check "campaigns: those with a published member" eq "$(lines campaigns)" \
	"$(on_pg -c "SELECT count(*) FROM kenes.campaign WHERE published > 0")"
check "campaigns exist ($(lines campaigns))" test "$(lines campaigns)" -gt 0
check "moderation_log: every entry" eq "$(lines moderation_log)" "$(on_pg -c "SELECT count(*) FROM kenes.moderation_log")"
check "reports: every issued report" eq "$(lines reports)" "$(on_pg -c "SELECT count(*) FROM kenes.report")"
check "reports exist ($(lines reports))" test "$(lines reports)" -gt 0
check "each report file has its stored SHA-256" eq \
	"$(cd "$a" && jq -r '.file' reports.jsonl | xargs sha256sum | awk '{ print $1 }' | tr '\n' ' ')" \
	"$(on_pg -c "SELECT o.sha256 FROM kenes.report r JOIN kenes.report_output o ON o.report_id = r.id AND o.format = 'json' ORDER BY r.id" | tr '\n' ' ')"
check "parts, versions, topics, regions, mapping: the structure" eq \
	"$(lines parts) $(lines versions) $(lines topics) $(lines regions)" \
	"$(on_pg -c "SELECT (SELECT count(*) FROM kenes.part), (SELECT count(*) FROM kenes.draft_version), (SELECT count(*) FROM kenes.topic), (SELECT count(*) FROM kenes.region)" | tr '|' ' ')"

# CSV: RFC 4180 as Python reads it, the same rows as the JSON Lines, formulas neutralised.
out=$(python3 - "$a" <<'PY'
import csv, json, sys, glob, os
d = sys.argv[1]
for path in sorted(glob.glob(os.path.join(d, "*.csv"))):
    name = os.path.basename(path)[:-4]
    raw = open(path, "rb").read()
    assert b"\r\n" in raw and raw.replace(b"\r\n", b"").count(b"\n") == raw.count(b'\n') - raw.count(b'\r\n'), name
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    header, body = rows[0], rows[1:]
    objs = [json.loads(l) for l in open(os.path.join(d, name + ".jsonl"), encoding="utf-8")]
    if len(body) != len(objs):
        print("rows differ", name, len(body), len(objs)); continue
    for r, o in zip(body, objs):
        if sorted(header) != sorted(o.keys()):
            print("columns differ", name); break
        for k, v in zip(header, r):
            j = o[k]
            want = "" if j is None else ("true" if j is True else "false" if j is False else
                   json.dumps(j, ensure_ascii=False, separators=(",", ":"), sort_keys=True) if isinstance(j, (list, dict)) else str(j))
            if v != want and v != "'" + want:
                print("value differs", name, k, repr(v)[:80], repr(want)[:80]); break
print("ok")
PY
)
check "CSV parses and holds the JSON Lines' rows and values" eq "$out" ok
check "a formula is neutralised in CSV" grep -qF "'=HYPERLINK" "$a/proposals.csv"
check "and exact in JSON Lines" grep -qF "\"=HYPERLINK(\\\"x\\\") $run\"" "$a/proposals.jsonl"
check "a quoted, multi-line text survives" eq \
	"$(jq -r "select(.text | endswith(\"new line $run\")) | .text" "$a/proposals.jsonl")" "$(printf 'a "quoted", comma\nnew line %s' "$run")"
sorted=0
for f in "$a"/*.jsonl; do cmp -s "$f" <(jq -cS . "$f") || { sorted=1; echo "     not compact and sorted: $f"; }; done
check "JSON Lines: compact, keys sorted" eq "$sorted" 0
missing=""
for f in "$a"/*.csv; do
	for c in $(head -n 1 "$f" | tr -d '\r' | tr ',' ' '); do
		grep -q "^| $c |" "$a/README" || missing="$missing $(basename "$f"):$c"
	done
done
check "the README documents every column" eq "$missing" ""
check "the README says positions are not recorded yet" grep -q "Positions of organisations" "$a/README"
check "archive without --out: usage error (2)" eq "$("$root/bin/kenes-aggregator" -q -d "$admin" archive 2>/dev/null; echo $?)" 2
finish
