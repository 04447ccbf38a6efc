# tests/lib/assert.sh - tiny assertions for the shell test suites. Source it.
#
#   http METHOD PATH [curl args...]   request $BASE_URL$PATH; sets STATUS, BODY, HEADERS
#   check "what" CONDITION...         runs the condition; records pass or fail
#   not COMMAND...                    succeeds when COMMAND fails (check "x" not cmd)
#   json FILTER                       jq -r FILTER on BODY
#   staff_sign_in JAR TOKEN           signs in to /staff/ with TOKEN; the session in cookie jar JAR
#   finish                            prints the tally; returns non-zero on any failure

PASSED=0
FAILED=0
STATUS=""
BODY=""
HEADERS=""
SUITE=$(basename "$0" .sh)
_tmp=$(mktemp -d)
trap 'rm -rf "$_tmp"' EXIT

http() {
	local method=$1 path=$2
	shift 2
	local how=(-X "$method")
	[ "$method" = HEAD ] && how=(--head)
	STATUS=$(curl -s -o "$_tmp/body" -D "$_tmp/headers" -w '%{http_code}' "${how[@]}" \
		--max-time 20 "$@" "$BASE_URL$path") || STATUS=000
	# Builtins, not $(cat) and $(tr): the suites make thousands of requests, and two
	# processes fewer for each is minutes of CPU in make check. As $(...) did, the body
	# loses its trailing newlines.
	BODY="" HEADERS=""
	[ -f "$_tmp/body" ] && IFS= read -r -d '' BODY <"$_tmp/body"
	[ -f "$_tmp/headers" ] && IFS= read -r -d '' HEADERS <"$_tmp/headers"
	_http_trim
}
_http_trim() {
	local LC_ALL=C # bytes: a multibyte locale makes ${x: -1} walk the whole string
	while [ "${BODY: -1}" = $'\n' ]; do BODY=${BODY%?}; done
	HEADERS=${HEADERS//$'\r'/}
	while [ "${HEADERS: -1}" = $'\n' ]; do HEADERS=${HEADERS%?}; done
}

header() { # NAME: the value of a response header (the first, if repeated)
	local line name want=${1,,}
	while IFS= read -r line; do
		name=${line%%: *}
		[ "$name" != "$line" ] && [ "${name,,}" = "$want" ] && { printf '%s\n' "${line#*: }"; return 0; }
	done <<<"$HEADERS"
}

json() {
	printf '%s' "$BODY" | jq -r "$1" 2>/dev/null
}

# The sign-in form's token, then the token posted with it; checked as "signed in" (a 303).
staff_sign_in() { # JAR TOKEN
	local ft
	http GET '/staff/sign-in?lang=en'
	ft=$(printf '%s' "$BODY" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')
	http POST '/staff/sign-in?lang=en' -c "$1" --data-urlencode "form_token=$ft" --data-urlencode "token=$2"
	check "signed in" eq "$STATUS" 303
}

check() {
	local what=$1
	shift
	if "$@"; then
		PASSED=$((PASSED + 1))
	else
		FAILED=$((FAILED + 1))
		echo "FAIL [$SUITE] $what"
		echo "     status=$STATUS body=$(printf '%s' "$BODY" | head -c 400)"
	fi
}

not() { ! "$@"; }
eq() { [ "$1" = "$2" ] || { echo "     expected '$2', got '$1'"; return 1; }; }
contains() { case $1 in *"$2"*) return 0 ;; esac; echo "     '$2' not found"; return 1; }
lacks() { case $1 in *"$2"*) echo "     '$2' found"; return 1 ;; esac; return 0; }

# psql as the database owner, quiet, tuples only. SQL on stdin may use :'var' (-v var=...).
sql() {
	psql -X -q -tA -v ON_ERROR_STOP=1 -d "$KENES_ADMIN_URL" "$@"
}

finish() {
	echo "$SUITE: $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}
