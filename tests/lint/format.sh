#!/usr/bin/env bash
# `make format` must change nothing: every C source is in the style of .clang-format.
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! out=$(make -s format-check 2>&1); then
	echo "$out" | grep -E '^[^ ].*: (error|warning)' | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
	echo "run make format"
	exit 1
fi
echo "ok: make format would change nothing"
