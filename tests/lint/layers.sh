#!/usr/bin/env bash
# Usage: tests/lint/layers.sh   (after `make all`)
# The three programs share common/ and nothing of each other (issue 14):
#   1. every #include "x.h" of common/ resolves in common/ (or build/), and of import/ and
#      aggregator/ in its own folder or common/;
#   2. the link lines of bin/kenes-import and bin/kenes-aggregator name no fcgi/ object (and
#      neither names the other's);
#   3. neither binary defines a global symbol that an fcgi/ object defines;
#   4. every module (a .c but main.c) has its header, and no header is over a screen (60 lines).
set -uo pipefail
cd "$(dirname "$0")/../.."
status=0
bad() { echo "layers: $*"; status=1; }

for f in common/*.[ch] import/*.[ch] aggregator/*.[ch]; do
	dir=$(dirname "$f")
	for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
		[ -f "$dir/$h" ] || [ -f "common/$h" ] || [ -f "build/$h" ] || bad "$f includes \"$h\", which is not in $dir/ or common/"
	done
done

for f in common/*.c fcgi/*.c import/*.c aggregator/*.c; do
	[ "${f##*/}" = main.c ] || [ -f "${f%.c}.h" ] || bad "$f has no header"
done
for h in common/*.h fcgi/*.h import/*.h aggregator/*.h; do
	n=$(wc -l <"$h")
	[ "$n" -le 60 ] || bad "$h is $n lines, over a screen (60)"
done

link_line() { make -n -B "$1" 2>/dev/null | grep -E -- "-o $1( |$)" | tail -1; }
for prog in kenes-import kenes-aggregator; do
	line=$(link_line "bin/$prog")
	[ -n "$line" ] || { bad "no link line for bin/$prog"; continue; }
	other=$([ "$prog" = kenes-import ] && echo aggregator || echo import)
	for word in $line; do
		case $word in
		*build/fcgi/*|*build/$other/*|*build/queries.o|*build/fcgi_texts.o) bad "bin/$prog links $word" ;;
		esac
	done
done

# The handler's own objects: one per fcgi/*.c but main.c (build/ may hold stale ones), and
# its texts.
fcgi_objects="$(ls fcgi/*.c | grep -v '^fcgi/main\.c$' | sed 's|^fcgi/\(.*\)\.c$|build/fcgi/\1.o|') build/fcgi_texts.o"
fcgi_symbols=$(nm -g --defined-only $fcgi_objects 2>/dev/null | awk 'NF == 3 && $2 ~ /[TDBR]/ { print $3 }' | sort -u)
[ -n "$fcgi_symbols" ] || bad "no symbols in the handler's objects (build first)"
for prog in kenes-import kenes-aggregator; do
	[ -x "bin/$prog" ] || { bad "bin/$prog is not built"; continue; }
	shared=$(comm -12 <(echo "$fcgi_symbols") <(nm --defined-only "bin/$prog" | awk 'NF == 3 { print $3 }' | sort -u))
	[ -z "$shared" ] || bad "bin/$prog defines fcgi/ symbols: $(echo $shared | head -c 300)"
done

[ "$status" -eq 0 ] && echo "layers: the handler, the aggregator and the importer share only common/"
exit "$status"
