#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] - build the libFuzzer harnesses, replay the kept crash
# reproducers (tests/fuzz/regressions/<name>/), then fuzz each harness for SECONDS
# (default 20), JOBS at a time (default 2), over a copy of its seed corpus in a temp dir:
# the committed corpus is never written to.
#
# Exits non-zero on any crash, leak, timeout or out-of-memory, printing the reproducer's
# path (kept under build/fuzz/artifacts/<name>/). To keep one as a regression test:
#   cp build/fuzz/artifacts/NAME/crash-... tests/fuzz/regressions/NAME/
# Set HARNESSES="form text" to run only some; KEEP=1 keeps the temp dir (logs, new inputs).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-20}
jobs=${JOBS:-2}
out=$root/build/fuzz

case $seconds in '' | *[!0-9]*) echo "usage: tests/fuzz/run.sh [SECONDS]" >&2; exit 2 ;; esac

# Longest input per harness: enough for the parser's limits (5,000-character texts),
# short enough to keep executions fast.
max_len() {
	case $1 in
	iin) echo 32 ;;
	csrf) echo 512 ;;
	accept_language) echo 1024 ;;
	query) echo 2048 ;;
	jsonbody | text) echo 4096 ;;
	form) echo 8192 ;;
	*) echo 16384 ;;
	esac
}

dict() {
	case $1 in
	jsonbody | proposal_json | import_jsonl | moderation) echo "$here/dict/json.dict" ;;
	import_csv) echo "$here/dict/import_csv.dict" ;;
	form | proposal_form | query) echo "$here/dict/form.dict" ;;
	route) echo "$here/dict/route.dict" ;;
	accept_language) echo "$here/dict/accept_language.dict" ;;
	esac
}

echo "=== building the fuzz harnesses (build/fuzz/)"
make -s -C "$here" -j2 all >/dev/null || { echo "fuzz build failed"; exit 1; }

if [ -n "${HARNESSES:-}" ]; then
	names=$HARNESSES
else
	names=$(cd "$here" && ls fuzz_*.c | sed -e 's/^fuzz_//' -e 's/\.c$//')
fi

tmp=$(mktemp -d /tmp/kenes-fuzz.XXXXXX)
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()

echo "=== regressions: every kept reproducer once"
for name in $names; do
	files=()
	for f in "$here/regressions/$name"/*; do
		[ -f "$f" ] && case $(basename "$f") in README* | .*) ;; *) files+=("$f") ;; esac
	done
	[ ${#files[@]} -eq 0 ] && continue
	if "$out/fuzz_$name" -runs=1 "${files[@]}" >"$tmp/regress-$name.log" 2>&1; then
		echo "--- ok: $name (${#files[@]} reproducers)"
	else
		echo "--- FAILED: $name regression"
		grep -E 'ERROR|SUMMARY|Running:|runtime error' "$tmp/regress-$name.log" | head -20
		failed+=("$name (regression)")
	fi
done

# Fuzzes one harness; the summary line goes to $tmp/NAME.result.
fuzz_one() {
	local name=$1 corpus=$tmp/corpus/$name art=$out/artifacts/$name/ d rc
	mkdir -p "$corpus" "$art"
	[ -d "$here/corpus/$name" ] && cp "$here/corpus/$name"/* "$corpus"/ 2>/dev/null
	d=$(dict "$name")
	"$out/fuzz_$name" -max_total_time="$seconds" -max_len="$(max_len "$name")" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$art" ${d:+-dict="$d"} \
		"$corpus" >"$tmp/$name.log" 2>&1
	rc=$?
	local execs speed cov
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$name.log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$tmp/$name.log")
	cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$tmp/$name.log" | tail -n 1)
	echo "$rc ${execs:-?} ${speed:-?} ${cov:-?}" >"$tmp/$name.result"
}

echo "=== fuzzing each harness for ${seconds}s, $jobs at a time"
running=0
for name in $names; do
	if [ ! -x "$out/fuzz_$name" ]; then
		echo "--- FAILED: no harness build/fuzz/fuzz_$name"
		failed+=("$name")
		continue
	fi
	fuzz_one "$name" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

for name in $names; do
	[ -f "$tmp/$name.result" ] || continue
	read -r rc execs speed cov <"$tmp/$name.result"
	if [ "$rc" = 0 ]; then
		printf -- '--- ok: %-16s %10s runs %8s/s  %s\n' "$name" "$execs" "$speed" "$cov"
		continue
	fi
	echo "--- FAILED: $name (libFuzzer exit $rc)"
	grep -E '^==[0-9]+==ERROR|SUMMARY:|runtime error|^MS: |Test unit written to' "$tmp/$name.log" | head -12
	for f in $(sed -n 's/.*Test unit written to //p' "$tmp/$name.log"); do
		echo "    reproducer: $f"
		echo "    replay:     build/fuzz/fuzz_$name $f"
		echo "    keep it:    cp $f tests/fuzz/regressions/$name/"
	done
	failed+=("$name")
done

echo
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: FAILED: ${failed[*]}"
	KEEP=1
	exit 1
fi
echo "fuzz: all harnesses ran ${seconds}s without a finding"
