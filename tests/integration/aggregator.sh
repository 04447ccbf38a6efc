#!/usr/bin/env bash
# The aggregator against the throwaway cluster of tests/run-all.sh, each suite in a
# database of its own: tallies (recount of 100k proposals, late commit, kill, --full) and the
# comparative table (its counts on 100k proposals against a recount) with
# the plain build, and reports (golden files, freezing, escaping, exit codes, tokens,
# roles) with the AddressSanitizer + UBSan build, whose leak check fails a run that leaks.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
status=0
"$root/tests/aggregator/tallies.sh" || status=1
"$root/tests/aggregator/staff-scale.sh" || status=1 # on the database tallies.sh leaves
"$root/tests/aggregator/comparative.sh" || status=1
asan=$root/bin/asan/kenes-aggregator
[ -x "$asan" ] || asan=$root/bin/kenes-aggregator
AGG=$asan ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$root/tests/aggregator/reports.sh" || status=1
exit "$status"
