#!/usr/bin/env bash
# kenes-import against the throwaway cluster of tests/run-all.sh, in a database of its own:
# CSV and JSON Lines with good rows and every kind of bad row (each reported with its line
# and reason, the good rows around them stored), a re-import storing nothing twice, IINs
# stored only as the handler's pseudonyms, a row the database refuses failing alone, the
# role kenes_importer logging in with only its grants, exit codes, and the aggregator's
# incremental refresh after an import equal to an independent recount and to --full.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../lib/iin.sh"
. "$(dirname "$0")/../aggregator/lib.sh"
SUITE=import
export KENES_WEEKLY_REPORTS=0
IMPORT=${IMPORT:-$root/bin/asan/kenes-import}
[ -x "$IMPORT" ] || IMPORT=$root/bin/kenes-import
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

agg_db kenes_import_test || exit 1
# The importer logs in as its own role, with nothing but the grants of migration 008.
sql -c "ALTER ROLE kenes_importer LOGIN" >/dev/null
IMPORT_URL=$(echo "$DB" | sed 's/user=[^ ]*/user=kenes_importer/')
key=$_tmp/pseudonym.key
head -c 32 /dev/urandom >"$key"
imp() { "$IMPORT" -d "$IMPORT_URL" --key-file "$key" "$@"; }
count() { sql -c "SELECT count(*) FROM kenes.proposal WHERE $1"; }
rejected_line() { # FILE LINE: "code field" of each reject of that line, sorted
	awk -F, -v l="$2" 'NR > 1 && $2 == l { print $5 " " $4 }' "$1" | sort | tr '\n' ' ' | sed 's/ $//'
}

# A first refresh, so that what follows is counted incrementally.
agg refresh >/dev/null 2>&1
check "aggregator's first refresh" eq "$?" 0

# --- CSV: good rows and every kind of bad row --------------------------------------------
good_iin=$(iin 17)
long=$(head -c 5001 /dev/zero | tr '\0' 'a')
printf '%s\r\n' \
	'source_id,consultation,target,stance,topics,text,proposed_wording,lang,region,iin,submitted_at' \
	'csv-1,constitution-2026,article:4,support,sovereignty;land,"Good, ""quoted"" text",,en,KZ-71,,2026-02-08T12:30:09+05:00' \
	'csv-2,constitution-2026,article:999,support,,text,,en,,,' \
	'csv-3,constitution-2026,article:4,maybe,,text,,en,,,' \
	'csv-4,constitution-2026,article:4,support,nosuch,text,,en,,,' \
	'csv-5,,preamble,amend,,"a letter' 'on two lines",new wording,kk,,,' \
	'csv-6,constitution-2026,article:4,support,,,,en,,,' \
	'csv-7,constitution-2026,article:4,support,,text,wording,en,,,' \
	'csv-8,constitution-2026,article:4,support,,text,,xx,,,' \
	'csv-9,constitution-2026,article:4,support,,text,,en,KZ-00,,' \
	'csv-10,constitution-2026,article:4,support,,text,,en,,123456789012,' \
	'csv-11,constitution-2026,article:4,support,,text,,en,,,yesterday' \
	',constitution-2026,article:4,support,,text,,en,,,' \
	'csv-13,constitution-2026,article:4,support,,te"xt,,en,,,' \
	'csv-14,constitution-2026,article:4,support' \
	'csv-15,constitution-2026,general,oppose,land;water;family;health;labour;culture,text,,ru,,,' \
	"csv-16,constitution-2026,article:4,support,,$long,,en,,," \
	'csv-17,constitution-2026,section:x,support,,text,,en,,,' \
	'csv-18,constitution-2026,article:4,support,,text,,en,,,2999-01-01T00:00:00Z' \
	"csv-19,constitution-2026,article:7,oppose,land,With an IIN,,ru,KZ-75,$good_iin," \
	'csv-20,no-such-consultation,article:4,support,,text,,en,,,' \
	'csv-1,constitution-2026,article:4,support,,the same id again in the file,,en,,,' >"$_tmp/a.csv"
printf 'csv-22,constitution-2026,general,support,,  spaces and NFD: e\314\201  ,,en,,,\r\n' >>"$_tmp/a.csv"
printf 'csv-23,constitution-2026,general,support,,bad \377 byte,,en,,,\r\n' >>"$_tmp/a.csv"
printf 'csv-24,constitution-2026,general,support,,control \001 char,,en,,,\r\n' >>"$_tmp/a.csv"
printf 'csv-25,constitution-2026,general,support,,"unterminated' >>"$_tmp/a.csv"

out=$(imp -s letter --rejects "$_tmp/a.rejects" "$_tmp/a.csv" 2>"$_tmp/a.err")
rc=$?
check "CSV with rejects exits 1" eq "$rc" 1
check "summary: read, stored, duplicates, rejected" contains "$out" "read 25 rows: stored 4, duplicates skipped 1, rejected 20 "
r=$_tmp/a.rejects
check "line 3: unknown target" eq "$(rejected_line "$r" 3)" "unknown_target target"
check "line 4: stance" eq "$(rejected_line "$r" 4)" "invalid_stance stance"
check "line 5: topic" eq "$(rejected_line "$r" 5)" "unknown_topic topics"
check "line 8 (after a two-line record): empty text" eq "$(rejected_line "$r" 8)" "required text"
check "line 9: wording without amend" eq "$(rejected_line "$r" 9)" "wording_not_allowed proposed_wording"
check "line 10: lang" eq "$(rejected_line "$r" 10)" "invalid_lang lang"
check "line 11: region" eq "$(rejected_line "$r" 11)" "unknown_region region"
check "line 12: IIN" eq "$(rejected_line "$r" 12)" "invalid_iin iin"
check "line 13: submitted_at" eq "$(rejected_line "$r" 13)" "invalid_submitted_at submitted_at"
check "line 14: source_id" eq "$(rejected_line "$r" 14)" "required source_id"
check "line 15: a stray quote" eq "$(rejected_line "$r" 15)" "malformed_csv "
check "line 16: too few cells" eq "$(rejected_line "$r" 16)" "malformed_csv "
check "line 17: too many topics" eq "$(rejected_line "$r" 17)" "too_many_topics topics"
check "line 18: text too long" eq "$(rejected_line "$r" 18)" "text_too_long text"
check "line 19: target syntax" eq "$(rejected_line "$r" 19)" "invalid_target target"
check "line 20: in the future" eq "$(rejected_line "$r" 20)" "submitted_in_future submitted_at"
check "line 22: unknown consultation" eq "$(rejected_line "$r" 22)" "unknown_consultation consultation"
check "rows that validated are not in the rejects" eq "$(rejected_line "$r" 2)$(rejected_line "$r" 21)$(rejected_line "$r" 23)$(rejected_line "$r" 24)" ""
check "line 25: invalid UTF-8" eq "$(rejected_line "$r" 25)" "invalid_utf8 text"
check "line 26: control character" eq "$(rejected_line "$r" 26)" "control_character text"
check "line 27: unterminated quote" eq "$(rejected_line "$r" 27)" "malformed_csv "
check "stderr names file, line and reason" contains "$(cat "$_tmp/a.err")" "a.csv:4: rejected: invalid_stance on stance"
check "the good rows around them are stored" eq "$(sql -c "SELECT string_agg(source_id, ' ' ORDER BY source_id) FROM kenes.proposal")" "csv-1 csv-19 csv-22 csv-5"
check "the first of a repeated id wins" eq "$(sql -c "SELECT text FROM kenes.proposal WHERE source_id = 'csv-1'")" 'Good, "quoted" text'
check "channel import, source letter" eq "$(sql -c "SELECT DISTINCT channel || ' ' || source FROM kenes.proposal")" "import letter"
check "submitted_at becomes created_at" eq "$(sql -c "SELECT created_at = '2026-02-08T12:30:09+05:00' FROM kenes.proposal WHERE source_id = 'csv-1'")" t
check "topics stored" eq "$(sql -c "SELECT string_agg(t.slug, ',' ORDER BY t.slug) FROM kenes.proposal_topic x JOIN kenes.topic t ON t.id = x.topic_id JOIN kenes.proposal p ON p.id = x.proposal_id WHERE p.source_id = 'csv-1'")" "land,sovereignty"
check "the two-line text kept its line break" eq "$(sql -c "SELECT text = E'a letter\non two lines' FROM kenes.proposal WHERE source_id = 'csv-5'")" t
check "texts trimmed and NFC as the API stores them" eq "$(sql -c "SELECT text = 'spaces and NFD: ' || U&'\\00E9' FROM kenes.proposal WHERE source_id = 'csv-22'")" t
hmac=$(printf 'kenes/v1\0constitution-2026\0iin\0%s' "$good_iin" |
	openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(xxd -p -c 256 "$key")" | awk '{print $NF}')
check "an IIN is stored as the handler's pseudonym" eq "$(sql -c "SELECT encode(submitter, 'hex') FROM kenes.proposal WHERE source_id = 'csv-19'")" "$hmac"
check "no raw IIN anywhere in the row" eq "$(sql -c "SELECT count(*) FROM kenes.proposal p WHERE p::text LIKE '%$good_iin%'")" 0
check "rows without an IIN have no submitter" eq "$(count "submitter IS NULL")" 3

# --- a re-import stores nothing twice -----------------------------------------------------
before=$(count true)
out=$(imp -q -s letter "$_tmp/a.csv" 2>/dev/null)
check "re-import exits 1 (the same rejects)" eq "$?" 1
check "re-import: everything a duplicate" contains "$out" "stored 0, duplicates skipped 5, rejected 20"
check "re-import stored nothing" eq "$(count true)" "$before"
check "the same ids under another source are new rows" eq "$(imp -q -s egov "$_tmp/a.csv" 2>/dev/null | grep -o 'stored [0-9]*')" "stored 4"
sql -c "DELETE FROM kenes.proposal WHERE source = 'egov'" >/dev/null

# --- JSON Lines ------------------------------------------------------------------------
cat >"$_tmp/b.jsonl" <<JSONL
{"source_id":"j-1","source":"e-otinish","consultation":"constitution-2026","target":"article:4","stance":"amend","topics":["land"],"text":"JSON row","proposed_wording":"New wording","lang":"ru","region":"KZ-75","submitted_at":"2026-03-01T10:00:00Z"}
{"source_id":"j-2","source":"e-otinish","target":"article:4","stance":"support","text":"x","lang":"en","colour":"red"}
{"source_id":"j-3","source":"e-otinish","target":"article:4","stance":"support","text":5,"lang":"en"}
not json at all

{"source_id":"j-5","source":"nowhere","target":"article:4","stance":"support","text":"x","lang":"en"}
{"source_id":"j-6","source":"egov","target":"article:4","stance":"support","text":"x","lang":"en","topics":"land"}
{"source_id":"j-7","source":"egov","target":"article:4","stance":"support","text":"x\u0000y","lang":"en"}
{"source_id":7,"source":"egov","target":"article:4","stance":"support","text":"x","lang":"en"}
["an","array"]
{"source_id":"j-10","source":"egov","target":"article:4","stance":"support","text":"x","lang":"en","text":"twice"}
{"source_id":"j-11","source":"egov","target":"general","stance":"oppose","text":"Last good row","lang":"kk","iin":"$(iin 18)"}
JSONL
out=$(imp --rejects "$_tmp/b.rejects" "$_tmp/b.jsonl" 2>/dev/null)
check "JSON Lines with rejects exits 1" eq "$?" 1
check "JSON Lines summary (the blank line is no row)" contains "$out" "read 11 rows: stored 2, duplicates skipped 0, rejected 9"
r=$_tmp/b.rejects
check "j line 2: unknown field" eq "$(rejected_line "$r" 2)" "unknown_field colour"
check "j line 3: wrong type (and so no text, as the API says)" eq "$(rejected_line "$r" 3)" "invalid_type text required text"
check "j line 4: malformed" eq "$(rejected_line "$r" 4)" "malformed_json "
check "j line 6: unknown source" eq "$(rejected_line "$r" 6)" "unknown_source source"
check "j line 7: topics not an array" eq "$(rejected_line "$r" 7)" "invalid_type topics"
check "j line 8: NUL in a text" eq "$(rejected_line "$r" 8)" "control_character "
check "j line 9: source_id not a string" eq "$(rejected_line "$r" 9)" "invalid_type source_id required source_id"
check "j line 10: not an object" eq "$(rejected_line "$r" 10)" "malformed_json "
check "j line 11: a duplicate member" eq "$(rejected_line "$r" 11)" "malformed_json "
check "JSON rows stored with their own source" eq "$(sql -c "SELECT string_agg(source_id || ':' || source, ' ' ORDER BY source_id) FROM kenes.proposal WHERE source_id LIKE 'j-%'")" "j-1:e-otinish j-11:egov"
check "JSON wording stored" eq "$(sql -c "SELECT proposed_wording FROM kenes.proposal WHERE source_id = 'j-1'")" "New wording"

# --- dry run, exit codes ----------------------------------------------------------------
before=$(count true)
bench=$root/bench/bin/generate
[ -x "$bench" ] || make -s -C "$root/bench" >/dev/null
"$bench" -n 3000 -s 5 -f csv >"$_tmp/gen.csv"
out=$(imp -n "$_tmp/gen.csv" 2>&1)
check "--dry-run exits 0 on a good file" eq "$?" 0
check "--dry-run checks every row" contains "$out" "dry run: read 3000 rows: 3000 valid, 0 rejected"
check "--dry-run stores nothing" eq "$(count true)" "$before"
printf 'source_id,colour\r\nx,red\r\n' >"$_tmp/bad-header.csv"
out=$(imp -s letter "$_tmp/bad-header.csv" 2>&1)
check "an unknown column exits 2" eq "$?" 2
check "and says which" contains "$out" 'unknown column "colour"'
imp -s letter "$_tmp/missing.csv" >/dev/null 2>&1
check "a missing file exits 2" eq "$?" 2
imp -s letter "$_tmp/b.txt" >/dev/null 2>&1
check "an unknown format exits 2" eq "$?" 2
imp -s nowhere "$_tmp/gen.csv" >/dev/null 2>&1
check "an unknown --source exits 2" eq "$?" 2
"$IMPORT" -d "host=$_tmp port=1 dbname=x" "$_tmp/gen.csv" >/dev/null 2>&1
check "an unreachable database exits 3" eq "$?" 3
check "--help documents the exit status" contains "$("$IMPORT" --help)" "Exit status"
printf 'source_id,target,stance,text,lang,iin\r\nk-1,general,support,text,en,%s\r\n' "$(iin 19)" >"$_tmp/iin.csv"
KENES_PSEUDONYM_KEY_FILE= "$IMPORT" -d "$IMPORT_URL" -s letter "$_tmp/iin.csv" >/dev/null 2>&1
check "rows with IINs but no key exit 2" eq "$?" 2
check "and store nothing" eq "$(count "source_id = 'k-1'")" 0

# --- a row the database refuses fails alone --------------------------------------------
sql <<'SQL' >/dev/null
CREATE FUNCTION public.poison() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.text LIKE '%poison%' THEN RAISE EXCEPTION 'poisoned row'; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER poison BEFORE INSERT ON kenes.proposal FOR EACH ROW EXECUTE FUNCTION public.poison();
SQL
printf 'source_id,target,stance,text,lang\r\np-1,general,support,fine one,en\r\np-2,general,support,a poison row,en\r\np-3,general,support,fine three,en\r\n' >"$_tmp/p.csv"
out=$(imp -s letter --chunk 10 --rejects "$_tmp/p.rejects" "$_tmp/p.csv" 2>/dev/null)
check "a refused row exits 1" eq "$?" 1
check "its neighbours in the chunk are stored" contains "$out" "stored 2, duplicates skipped 0, rejected 1"
check "the refused row is named with the database's reason" contains "$(cat "$_tmp/p.rejects")" "p.csv,3,,,database_refused"
sql -c "DROP TRIGGER poison ON kenes.proposal; DROP FUNCTION public.poison()" >/dev/null

# --- a closed consultation takes no imports (as the API) --------------------------------
sql -c "UPDATE kenes.consultation SET status = 'closed'" >/dev/null
printf 'source_id,consultation,target,stance,text,lang\r\nc-1,constitution-2026,general,support,late,en\r\n' >"$_tmp/c.csv"
out=$(imp -s letter --rejects "$_tmp/c.rejects" "$_tmp/c.csv" 2>/dev/null)
check "closed: rejected" contains "$(cat "$_tmp/c.rejects")" "c.csv,2,c-1,consultation,consultation_closed"
sql -c "UPDATE kenes.consultation SET status = 'open'" >/dev/null

# --- the aggregator sees every imported row --------------------------------------------
"$bench" -n 10000 -s 9 -f import --iin 20 >"$_tmp/gen.jsonl"
# Two imports of the same file at once: each row is stored once (the loser of a race on a
# chunk takes the staging path, whose ON CONFLICT skips what the winner stored).
imp -q --chunk 1000 "$_tmp/gen.jsonl" >"$_tmp/one.out" 2>&1 &
first=$!
imp -q --chunk 1500 "$_tmp/gen.jsonl" >"$_tmp/two.out" 2>&1
second_rc=$?
wait "$first"
check "two concurrent imports both succeed" eq "$?/$second_rc" "0/0"
stored_both=$(cat "$_tmp/one.out" "$_tmp/two.out" | sed -n 's/.*stored \([0-9]*\),.*/\1/p' | paste -sd+ | bc)
check "together they stored each row once" eq "$stored_both" 10000
check "10,000 generated rows in the table" eq "$(count "source_id LIKE 'bench-%'")" 10000
check "no source id twice" eq "$(sql -c "SELECT count(*) FROM (SELECT source, source_id FROM kenes.proposal GROUP BY 1, 2 HAVING count(*) > 1) d")" 0
out=$(imp -q --chunk 7000 "$_tmp/gen.jsonl" 2>&1)
check "and again: all duplicates" contains "$out" "stored 0, duplicates skipped 10000"
out=$(agg refresh 2>&1)
check "incremental refresh after the imports" contains "$out" "changes applied"
check "the import channel's cell counts every imported row" eq "$(sql -c "SELECT proposals FROM kenes.tally_cell WHERE dim = 'channel' AND channel = 'import' AND stance = 'all'")" "$(count "channel = 'import'")"
check "recount after the import" recount_agrees
incremental=$(digest)
agg refresh --full >/dev/null 2>&1
check "--full equals the incremental refresh" eq "$(digest)" "$incremental"

sql -c "ALTER ROLE kenes_importer NOLOGIN" >/dev/null
psql -X -q -d "$(echo "$KENES_ADMIN_URL" | sed 's/dbname=[^ ]*/dbname=postgres/')" \
	-c "DROP DATABASE IF EXISTS kenes_import_test WITH (FORCE)" >/dev/null 2>&1
finish
