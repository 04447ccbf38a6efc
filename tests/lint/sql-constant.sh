#!/usr/bin/env bash
# Usage: tests/lint/sql-constant.sh [FILE...]   (default: every C file of the programs)
# Every statement Kenes sends is a constant: a string literal in the call, an embedded file
# of sql/queries/, sql/aggregator/ or sql/import/ (a statement table's list[i].sql, see
# common/db.h), or db.c's transaction_control[i].sql. A call to PQexec,
# PQexecParams, PQprepare or PQsendQuery* whose SQL argument is anything else — a variable,
# a buffer, a format — fails this check. Data goes in $n parameters, never into SQL text.
set -uo pipefail
cd "$(dirname "$0")/../.."
status=0
files=${*:-$(ls common/*.c fcgi/*.c aggregator/*.c import/*.c 2>/dev/null)}
# Join each call onto one line (calls span lines), then look at its SQL argument.
for f in $files; do
	awk -v file="$f" '
	function check(call, line,    args, sql) {
		# The SQL is the 2nd argument of PQexec/PQexecParams/PQsendQuery*, the 3rd of PQprepare.
		args = call
		sub(/^[^(]*\(/, "", args)
		n = split(args, a, ",")
		sql = (call ~ /PQprepare|PQsendPrepare/) ? a[3] : a[2]
		gsub(/^[ \t]+|[ \t]+$/, "", sql)
		sub(/\)[ \t]*;?[ \t]*$/, "", sql) # the closing parenthesis when the SQL is the last argument
		if (sql ~ /^"/ || sql ~ /^(db->opts\.statements->)?(list|transaction_control)\[[a-z]+\]\.sql$/)
			return
		printf "%s:%d: SQL argument is not a constant: %s\n", file, line, sql
		bad = 1
	}
	{
		if (collecting) {
			buf = buf " " $0
			if (buf ~ /\);/) { check(buf, start); collecting = 0 }
			next
		}
		if ($0 ~ /PQ(exec|execParams|prepare|sendQuery|sendQueryParams|sendPrepare)\(/ && $0 !~ /^[ \t]*(\*|\/\*)/) {
			buf = $0
			sub(/.*PQ(exec|execParams|prepare|sendQuery|sendQueryParams|sendPrepare)\(/, "&", buf)
			match($0, /PQ(exec|execParams|prepare|sendQuery|sendQueryParams|sendPrepare)\(/)
			buf = substr($0, RSTART)
			start = NR
			if (buf ~ /\);/) check(buf, start); else collecting = 1
		}
	}
	END { exit bad }' "$f" || status=1
done
if [ "$status" -eq 0 ]; then
	echo "sql-constant: every PQexec/PQexecParams/PQprepare call sends a constant statement"
fi
exit "$status"
