#!/usr/bin/env bash
# A request whose statement PostgreSQL chooses as a deadlock's victim is run again by the
# handler (common/db.c), not answered 500. Another session holds the second of the two
# proposals a duplicate mark locks (migration 021: both, in id order), the mark locks the
# first and waits for the second, then that session asks for the first: a deadlock. The
# handler's backend waited longer, so its deadlock check (deadlock_timeout, 1 s) runs first
# and its statement is rolled back; run again, it waits for the session to commit and
# succeeds. Needs BASE_URL and KENES_ADMIN_URL (tests/run-all.sh), bin/kenes-aggregator.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agg() { KENES_DATABASE_ROLE=kenes_aggregator "$root/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" "$@"; }
moderator=$(agg token create --role moderator --name "e2e deadlock $$" 2>/dev/null)
check "a moderator token" test -n "$moderator"

propose() {
	http POST /api/v1/proposals -H 'Content-Type: application/json' --data-binary \
		"{\"consultation\":\"constitution-2026\",\"target\":\"article:62\",\"stance\":\"support\",\"text\":\"deadlock $$ $1\",\"lang\":\"en\"}"
	json .id
}
low=$(propose 1) high=$(propose 2)
check "two proposals" test -n "$low" -a -n "$high" -a "$low" -lt "$high"

deadlocks() { sql -c "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"; }
more_deadlocks() { # than $1, within 3 s (statistics are flushed about once a second)
	for _ in $(seq 30); do
		[ "$(deadlocks)" -gt "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
before=$(deadlocks)
# The other session: holds HIGH, waits until the mark waits for it, half a second more (so
# that the mark's deadlock check comes first), then asks for LOW.
PGAPPNAME=kenes-deadlock-other psql -X -q -tA -d "$KENES_ADMIN_URL" >"$_tmp/other.out" 2>&1 <<SQL &
BEGIN;
SELECT FROM kenes.proposal WHERE id = $high FOR UPDATE;
DO \$\$
BEGIN
    FOR i IN 1 .. 100 LOOP
        EXIT WHEN EXISTS (SELECT FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted);
        PERFORM pg_sleep(0.05);
    END LOOP;
    PERFORM pg_sleep(0.5);
END
\$\$;
SELECT FROM kenes.proposal WHERE id = $low FOR UPDATE;
SELECT 'other committed';
COMMIT;
SQL
other=$!
# The mark goes only once the other session holds HIGH (on a busy machine psql may take a while).
for _ in $(seq 100); do
	[ "$(sql -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kenes-deadlock-other' AND query LIKE 'DO%'")" = 1 ] && break
	sleep 0.1
done
http POST "/api/v1/moderation/proposals/$low/duplicate" -H "Authorization: Bearer $moderator" \
	-H 'Content-Type: application/json' --data-binary "{\"reason\":\"deadlock test\",\"of\":$high}"
wait "$other"
check "the mark succeeds: 200" eq "$STATUS" 200
check "as a duplicate of the other" eq "$(json .duplicate_of)" "$high"
check "the other session committed too" contains "$(cat "$_tmp/other.out")" "other committed"
check "PostgreSQL saw a deadlock" more_deadlocks "$before"
check "the mark is stored once" eq "$(sql -c "SELECT count(*) FROM kenes.moderation_state WHERE proposal_id = $low AND duplicate_of = $high")" 1
finish
