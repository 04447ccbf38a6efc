#!/usr/bin/env bash
# Two moderators marking duplicates at the same moment (sql/migrations/021): P as a duplicate
# of Q and Q of P, or A of B and B of C, must never both succeed (a cycle or a chain in
# kenes.moderation_state), deadlock or fail. Each round holds both calls behind an advisory
# lock and lets them go together. Needs KENES_ADMIN_URL.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
ROUNDS=${ROUNDS:-20}
barrier=715021

token="kns_race_$$_$RANDOM"
sql -c "INSERT INTO kenes.staff_token (name, role, token_sha256, hint)
        VALUES ('race moderator $$', 'moderator', sha256(convert_to('$token', 'UTF8')), 'kns_race')"
new_proposals() { # N: their ids on one line
	sql <<SQL | tr '\n' ' '
INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, lang, channel)
SELECT x.c, x.v, x.p, 'support', 'race $$', 'ru', 'api'
FROM (SELECT c.id, v.id, p.id
      FROM kenes.consultation c JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.is_current
      JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'general' LIMIT 1) AS x(c, v, p),
     generate_series(1, $1)
RETURNING id
SQL
}
# Marks $1 a duplicate of $2 once the barrier opens; prints the status, or "error" (the
# message goes to errors.log).
mark() {
	psql -X -q -tA -v ON_ERROR_STOP=1 -d "$KENES_ADMIN_URL" 2>>"$_tmp/errors.log" <<SQL || echo error
BEGIN;
SELECT FROM pg_advisory_xact_lock_shared($barrier);
SELECT (o).status FROM (SELECT kenes.moderate_proposal(sha256(convert_to('$token', 'UTF8')),
    'duplicate', $1, 'race $$', $2) AS o) r;
COMMIT;
SQL
}
# Runs mark A B and mark C D together; sets OUT1, OUT2.
race() {
	# The holder says when it holds the lock: polling pg_locks with a psql a time cost this
	# suite most of its CPU on a loaded machine.
	rm -f "$_tmp/held"
	psql -X -q -d "$KENES_ADMIN_URL" -c "BEGIN" -c "SELECT pg_advisory_xact_lock($barrier)" \
		-c "\\! touch $_tmp/held" -c "SELECT pg_sleep(0.2)" -c "COMMIT" >/dev/null &
	local holder=$! i
	for i in $(seq 500); do [ -e "$_tmp/held" ] && break; sleep 0.01; done
	mark "$1" "$2" >"$_tmp/out1" &
	local m1=$!
	mark "$3" "$4" >"$_tmp/out2" &
	local m2=$!
	wait "$holder" "$m1" "$m2"
	OUT1=$(cat "$_tmp/out1")
	OUT2=$(cat "$_tmp/out2")
}
outcomes=""
for round in $(seq "$ROUNDS"); do
	read -r p q a b c <<<"$(new_proposals 5)"
	race "$p" "$q" "$q" "$p"
	outcomes+="cycle:$(echo "$OUT1 $OUT2" | tr ' ' '\n' | grep . | sort | tr '\n' ,) "
	race "$a" "$b" "$b" "$c"
	outcomes+="chain:$(echo "$OUT1 $OUT2" | tr ' ' '\n' | grep . | sort | tr '\n' ,) "
done
echo "$outcomes" | tr ' ' '\n' | grep . | sort | uniq -c | sed 's/^/     /'
check "every pair: one marked (200), one refused (422)" \
	eq "$(echo "$outcomes" | tr ' ' '\n' | grep . | sed 's/^[a-z]*://' | sort -u)" "200,422,"
check "no deadlock or error" eq "$(cat "$_tmp/errors.log" 2>/dev/null)" ""
check "no duplicate points to a duplicate (no cycle, no chain)" eq "$(sql -c "
	SELECT count(*) FROM kenes.moderation_state d
	JOIN kenes.moderation_state o ON o.proposal_id = d.duplicate_of AND o.via = 'duplicate'")" 0
check "each success logged once" eq "$(sql -c "SELECT count(*) FROM kenes.moderation_log
	WHERE action = 'duplicate' AND reason = 'race $$'")" "$((2 * ROUNDS))"

finish
