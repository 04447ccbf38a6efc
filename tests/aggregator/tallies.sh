#!/usr/bin/env bash
# The tallies against a real PostgreSQL: an independent recount of 100k generated proposals
# and their supports, incremental refreshes after inserts, hides, withdrawals and topic
# changes, a transaction with a lower id committing after a refresh, a refresh killed
# half-way, and --full equal to incremental. Needs KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/lib.sh"
SUITE=aggregator-tallies
# Weekly reports are reports.sh's business; here they would only add time.
export KENES_WEEKLY_REPORTS=0
# Campaigns are tests/integration/campaigns.sh's; 100k distinct texts would only add time.
export KENES_CAMPAIGNS=0
PROPOSALS=${AGG_TEST_PROPOSALS:-100000}
SUPPORTS=${AGG_TEST_SUPPORTS:-150000}
# Eight weeks of proposals (generate.sql's default is 294 days): the same cells, 40% fewer
# day rows for every rebuild and recount to write and read (27 -> 18 s for a rebuild).
DAYS=${AGG_TEST_DAYS:-56}

agg_db kenes_agg_tallies || exit 1
t0=$SECONDS

# --- a first refresh builds everything, exactly --------------------------------------------
# bulk=1: loaded without triggers (no queue rows, no per-row foreign-key checks); the first
# refresh rebuilds from scratch, which reads the tables, never the queue.
sql -v proposals="$PROPOSALS" -v supports="$SUPPORTS" -v first=1 -v bulk=1 -v days="$DAYS" -f "$root/tests/aggregator/generate.sql"
check "generated $PROPOSALS proposals" eq "$(sql -c 'SELECT count(*) FROM kenes.proposal')" "$PROPOSALS"
check "and at least $PROPOSALS supports" test "$(sql -c 'SELECT count(*) FROM kenes.support')" -ge "$PROPOSALS"
check "some anonymous, some hidden" eq "$(sql -c "SELECT count(*) FILTER (WHERE submitter IS NULL) > 0 AND count(*) FILTER (WHERE status = 'hidden') > 0 FROM kenes.proposal")" t
echo "     generated in $((SECONDS - t0))s"
t=$SECONDS
out=$(agg refresh 2>&1)
check "first refresh succeeds" eq "$?" 0
check "the first refresh rebuilds from scratch" contains "$out" "rebuilt the tallies from scratch"
echo "     first refresh (full) in $((SECONDS - t))s"
check "queue consumed" eq "$(sql -c 'SELECT count(*) FROM kenes.tally_change')" 0
# No recount here (a third of this suite's recount time): the first refresh is a rebuild,
# the very code `refresh --full` runs below. That --full must equal, digest for digest, the
# incremental refresh applied on top of this rebuild, and the recount below checks --full's
# tallies (with incremental refreshes of new proposals on them) against the raw rows. A wrong
# first rebuild would therefore have to be wrong the same way in the rebuild below (which
# the recount catches), or be repaired exactly by an incremental refresh of other proposals,
# which only adds and takes out what it recounts.

# --- incremental: new rows, hides, shows, withdrawals, topic and stance edits -------------
sql -v proposals=5000 -v supports=8000 -v first=$((PROPOSALS + 1)) -v days="$DAYS" -f "$root/tests/aggregator/generate.sql"
sql <<'SQL'
UPDATE kenes.proposal SET status = 'hidden' WHERE id % 97 = 0 AND status = 'published';
UPDATE kenes.proposal SET status = 'published' WHERE id % 101 = 3 AND status = 'hidden';
DELETE FROM kenes.support WHERE proposal_id % 13 = 0 AND get_byte(supporter, 0) < 100;
DELETE FROM kenes.proposal_topic WHERE proposal_id % 89 = 0;
INSERT INTO kenes.proposal_topic (proposal_id, topic_id)
SELECT p.id, (SELECT min(id) FROM kenes.topic) FROM kenes.proposal p WHERE p.id % 83 = 0
ON CONFLICT DO NOTHING;
UPDATE kenes.proposal SET stance = 'oppose', proposed_wording = NULL WHERE id % 79 = 0 AND stance <> 'oppose';
SQL
pending=$(sql -c 'SELECT count(*) FROM kenes.tally_change')
t=$SECONDS
out=$(agg refresh 2>&1)
check "incremental refresh succeeds" eq "$?" 0
check "it applies the queue, it does not rebuild" contains "$out" "changes applied"
echo "     incremental refresh of $pending changes in $((SECONDS - t))s"

# --- --full gives identical tallies (the final recount below checks both independently) ----
incremental=$(digest)
t=$SECONDS
agg refresh --full >/dev/null 2>&1
check "refresh --full succeeds" eq "$?" 0
echo "     --full in $((SECONDS - t))s"
check "--full equals incremental after inserts, hides, withdrawals, edits" eq "$(digest)" "$incremental"

# --- late commit: a lower id committed after a refresh is counted once by the next ----------
fifo=$_tmp/late.fifo
mkfifo "$fifo"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <"$fifo" >"$_tmp/late.out" 2>&1 &
late_psql=$!
exec 3>"$fifo"
cat >&3 <<'SQL'
BEGIN;
INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, region, channel, submitter)
SELECT v.consultation_id, v.id, p.id, 'support', 'Late proposal', 'en', 'KZ-71', 'api', sha256('late-person'::bytea)
FROM kenes.draft_version v JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'article' AND p.number = 7
WHERE v.is_current;
INSERT INTO kenes.support (proposal_id, supporter)
SELECT max(id), sha256('late-supporter'::bytea) FROM kenes.proposal;
\pset tuples_only on
SELECT 'late-inserted ' || max(id) FROM kenes.proposal;
SQL
for _ in $(seq 100); do grep -q late-inserted "$_tmp/late.out" 2>/dev/null && break; sleep 0.1; done
late_id=$(sed -n 's/^ *late-inserted \([0-9]*\).*/\1/p' "$_tmp/late.out")
sql -c "INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, region, channel)
        SELECT v.consultation_id, v.id, p.id, 'oppose', 'Early proposal', 'en', 'KZ-75', 'web'
        FROM kenes.draft_version v JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'article' AND p.number = 7
        WHERE v.is_current" >/dev/null
early_id=$(sql -c "SELECT max(id) FROM kenes.proposal")
check "the open transaction's proposal has the lower id" test "$late_id" -lt "$early_id"
agg refresh >/dev/null 2>&1
check "refresh while it is open succeeds" eq "$?" 0
check "the committed higher id is counted" eq "$(sql -c "SELECT count(*) FROM kenes.tally_applied WHERE proposal_id = $early_id")" 1
check "the uncommitted lower id is not" eq "$(sql -c "SELECT count(*) FROM kenes.tally_applied WHERE proposal_id = $late_id")" 0
echo "COMMIT;" >&3
exec 3>&-
wait "$late_psql"
check "the late transaction committed" eq "$(sql -c "SELECT count(*) FROM kenes.proposal WHERE id = $late_id")" 1
agg refresh >/dev/null 2>&1
check "the next refresh counts the late proposal" eq "$(sql -c "SELECT count(*) FROM kenes.tally_applied WHERE proposal_id = $late_id")" 1
check "with its support" eq "$(sql -c "SELECT coalesce(sum(supports), 0) FROM kenes.tally_applied_support WHERE proposal_id = $late_id")" 1
check "once: article 7's cell counts both" eq "$(sql -c "SELECT c.proposals - b.proposals FROM kenes.tally_cell c, (SELECT count(*) AS proposals FROM kenes.proposal p JOIN kenes.part x ON x.id = p.part_id WHERE x.kind = 'article' AND x.number = 7 AND p.status = 'published') b WHERE c.dim = 'part' AND c.stance = 'all' AND c.part_id = (SELECT p.id FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id AND v.is_current WHERE p.kind = 'article' AND p.number = 7)")" 0

# --- a refresh killed half-way changes nothing; the next one completes it -------------------
sql -v proposals=10000 -v supports=10000 -v first=$((PROPOSALS + 100001)) -v days="$DAYS" -f "$root/tests/aggregator/generate.sql"
before=$(digest)
queued=$(sql -c 'SELECT count(*) FROM kenes.tally_change')
KENES_BATCH_SIZE=500 KENES_LOG_LEVEL=debug KENES_DATABASE_ROLE=kenes_aggregator "$AGG" -q -d "$DB" refresh \
	2>"$_tmp/killed.log" &
victim=$!
for _ in $(seq 600); do [ "$(grep -c 'batch:' "$_tmp/killed.log")" -ge 3 ] && break; sleep 0.05; done
check "the refresh got half-way before the kill" test "$(grep -c 'batch:' "$_tmp/killed.log")" -ge 3
kill -KILL "$victim"
wait "$victim" 2>/dev/null
check "the killed refresh did not finish" lacks "$(cat "$_tmp/killed.log")" "refreshed the tallies"
check "its server session ends" wait_no_aggregator
check "tallies as they were before the killed refresh" eq "$(digest)" "$before"
check "the queue as it was" eq "$(sql -c 'SELECT count(*) FROM kenes.tally_change')" "$queued"
agg refresh >/dev/null 2>&1
check "the next refresh succeeds" eq "$?" 0
check "recount after everything: mutations, late commit, kill and rerun" recount_agrees

# --- one aggregator at a time --------------------------------------------------------------
psql -X -q -d "$DB" -c "SELECT pg_advisory_lock(7305527), pg_sleep(30)" >/dev/null 2>&1 &
holder=$!
for _ in $(seq 100); do
	[ "$(sql -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 7305527 AND granted")" = 1 ] && break
	sleep 0.1
done
agg refresh >/dev/null 2>"$_tmp/busy.err"
check "a second aggregator exits 3 (busy)" eq "$?" 3
check "and says why" contains "$(cat "$_tmp/busy.err")" "--wait"
kill "$holder" 2>/dev/null
sql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()" >/dev/null
wait "$holder" 2>/dev/null

# --- settings ------------------------------------------------------------------------------
KENES_TIME_ZONE=Europe/Berlin agg refresh >/dev/null 2>"$_tmp/zone.err"
check "another time zone without --full is refused (2)" eq "$?" 2
check "with a hint" contains "$(cat "$_tmp/zone.err")" "refresh --full"
KENES_TIME_ZONE=Mars/Olympus agg refresh >/dev/null 2>&1
check "an unknown time zone is refused (2)" eq "$?" 2

# --- a rebuild covers supports dated outside every proposal's days ----------------------------
# Rows stored without triggers (as bench/load stores them) leave no queue row, so only the
# rebuild's own look at the supports finds one given before the consultation opened: the
# week it falls in needs a cell, or the rebuild finds no cell for it and refuses.
# On a small database of its own: what is tested is where a rebuild looks for days, the same
# at any size, and a third rebuild and recount of the 100k proposals above cost a fifth of
# this suite. Those stay as they are for tests/aggregator/staff-scale.sh.
big_db=$DB
agg_db kenes_agg_tallies_early || exit 1
sql -v proposals=3000 -v supports=4500 -v first=1 -v bulk=1 -f "$root/tests/aggregator/generate.sql"
agg refresh >/dev/null 2>&1
check "a small database's first refresh succeeds" eq "$?" 0
sql <<'SQL'
SET session_replication_role = replica;
INSERT INTO kenes.support (proposal_id, supporter, created_at)
SELECT min(id), sha256('early-supporter'::bytea), timestamptz '2025-06-04 12:00+05'
FROM kenes.proposal WHERE status = 'published';
SQL
check "no cell for that week yet" eq "$(sql -c "SELECT count(*) FROM kenes.tally_cell WHERE week = '2025-06-02'")" 0
agg refresh --full >/dev/null 2>"$_tmp/early.err"
check "refresh --full with a support before the opening succeeds" eq "$?" 0
check "its week has cells and counts it" eq "$(sql -c "SELECT supports FROM kenes.tally_cell WHERE dim = 'week' AND week = '2025-06-02' AND stance = 'all'")" 1
# The same through the queue: an incremental refresh finds the day in the queued change.
sql -c "INSERT INTO kenes.support (proposal_id, supporter, created_at)
        SELECT min(id), sha256('earlier-supporter'::bytea), timestamptz '2025-03-05 12:00+05'
        FROM kenes.proposal WHERE status = 'published'" >/dev/null
agg refresh >/dev/null 2>&1
check "an incremental refresh with a queued support before the opening succeeds" eq "$?" 0
check "its week has cells and counts it too" eq "$(sql -c "SELECT supports FROM kenes.tally_cell WHERE dim = 'week' AND week = '2025-03-03' AND stance = 'all'")" 1
check "recount after supports before the opening" recount_agrees
DB=$big_db
psql -X -q -d "$(echo "$KENES_ADMIN_URL" | sed 's/dbname=[^ ]*/dbname=postgres/')" \
	-c "DROP DATABASE kenes_agg_tallies_early WITH (FORCE)" >/dev/null 2>&1

echo "     suite took $((SECONDS - t0))s"
finish
