#!/usr/bin/env bash
# The Makefile must not ask pkg-config for flags while it is read: on a new machine the
# libraries are installed by `deps` only afterwards (a first `make run` once failed so).
# A pkg-config that records its calls comes first on PATH; reading the Makefile (make -n
# clean, whose recipe needs no flags) must not call it; a build's recipes then may.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\necho "$@" >>"%s/calls"\nexec /usr/bin/pkg-config "$@"\n' "$tmp" >"$tmp/pkg-config"
chmod +x "$tmp/pkg-config"
PATH=$tmp:$PATH make -s -n -C "$root" clean >/dev/null
if [ -s "$tmp/calls" ]; then
	echo "FAIL: reading the Makefile ran pkg-config: $(head -3 "$tmp/calls")"
	exit 1
fi
PATH=$tmp:$PATH make -s -n -C "$root" -B build/common/buf.o >/dev/null
[ -s "$tmp/calls" ] || { echo "FAIL: the compile rule never asked pkg-config (is the fake on PATH?)"; exit 1; }
echo "ok: pkg-config runs only when a recipe needs its flags"
