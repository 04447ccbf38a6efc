#!/usr/bin/env bash
# tests/integration/aggregator.sh [tallies|reports] - the aggregator against the throwaway
# cluster of tests/run-all.sh, each suite in a database of its own. "tallies": the tallies
# (recount of 100k proposals, late commit, kill, --full) and the staff pages on the database
# they leave, with the plain build. "reports": the comparative table (its counts on 100k
# proposals against a recount) with the plain build, and the reports (golden files, freezing,
# escaping, exit codes, tokens, roles) with the AddressSanitizer + UBSan build, whose leak
# check fails a run that leaks. No argument: both, one after the other (tests/run-all.sh runs
# them in two lanes at the same time).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
part=${1:-all}
status=0
if [ "$part" = tallies ] || [ "$part" = all ]; then
	"$root/tests/aggregator/tallies.sh" || status=1
	"$root/tests/aggregator/staff-scale.sh" || status=1 # on the database tallies.sh leaves
fi
if [ "$part" = reports ] || [ "$part" = all ]; then
	"$root/tests/aggregator/comparative.sh" || status=1
	asan=$root/bin/asan/kenes-aggregator
	[ -x "$asan" ] || asan=$root/bin/kenes-aggregator
	AGG=$asan ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$root/tests/aggregator/reports.sh" || status=1
fi
exit "$status"
