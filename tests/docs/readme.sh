#!/usr/bin/env bash
# tests/docs/readme.sh [--as-written] [FILE] - runs every shell block of README.md (or FILE)
# against a running Kenes, in order, in one shell, the way a newcomer pastes them.
#
# A block is a ```sh (or ```bash) fence. The line just above a block may say why it is not run:
#   <!-- readme-test: skip: REASON -->
# Every other block runs. A curl that gets an HTTP error, a command that fails, or a block
# that leaves a pipeline failing fails the test, naming the block and its line.
#
# Under make check (the default) the blocks meet the throwaway stack: http://127.0.0.1:8080
# becomes $BASE_URL and the local cluster's socket $PWD/var/pg/run becomes $KENES_PG_DIR/run.
# With --as-written (.ci/run, against `make run`) nothing is rewritten.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
as_written=0
[ "${1:-}" = --as-written ] && { as_written=1; shift; }
file=${1:-$root/README.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Blocks as files: block.N holds the commands, block.N.line their first line in FILE.
awk -v dir="$tmp" '
	/^<!-- readme-test: skip:/ { skip = 1; next }
	/^```(sh|bash)[[:space:]]*$/ && !inside {
		inside = 1; n++; run = !skip; skip = 0
		if (run) { out = dir "/block." n; print NR + 1 > (out ".line") } else { skipped++ }
		next
	}
	/^```/ && inside { inside = 0; if (run) close(out); next }
	inside && run { print > out }
	!inside && !/^[[:space:]]*$/ { skip = 0 }
	END { print n + 0, skipped + 0 > (dir "/count") }
' "$file"
read -r total skipped <"$tmp/count"
echo "$(basename "$file"): $total shell blocks, $skipped marked not to run"
[ "$total" -gt "$skipped" ] || { echo "FAIL: nothing to run"; exit 1; }

rewrite() {
	if [ "$as_written" = 1 ]; then cat; else
		sed -e "s|http://127\.0\.0\.1:8080|$BASE_URL|g" -e "s|\$PWD/var/pg/run|$KENES_PG_DIR/run|g"
	fi
}

{
	echo 'set -Eeo pipefail'
	echo "trap 'echo \"FAIL: the block at $(basename "$file"):\$__readme_line failed (exit \$?)\" >&2' ERR"
	# An HTTP error is a failure, as a person reading the answer would take it.
	echo 'curl() { command curl --fail-with-body "$@"; }'
	for b in $(ls "$tmp" | grep -E '^block\.[0-9]+$' | sort -t. -k2 -n); do
		echo "__readme_line=$(cat "$tmp/$b.line")"
		rewrite <"$tmp/$b"
	done
} >"$tmp/script.sh"

cd "$root"
# Failures name the block's first line in FILE.
if bash "$tmp/script.sh" >"$tmp/out" 2>&1; then
	rm -f "$root/report.md"
	echo "--- ok: every runnable block ran"
	exit 0
fi
rm -f "$root/report.md"
tail -n 30 "$tmp/out"
exit 1
