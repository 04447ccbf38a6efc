#!/usr/bin/env bash
# deploy/deps.sh [run|check] - make sure the Debian packages Kenes needs are installed.
#
# As root, installs what is missing with apt-get (running `apt-get update` first when the
# package lists are empty or stale). As another user, prints the exact apt-get line and fails.
#   run    what `make run` needs: compiler, libraries, PostgreSQL, nginx (the default)
#   check  also what `make check` needs: cmocka, jq, Chromium, Node.js, valgrind, clang +
#          libFuzzer, sqlmap and slowhttptest (the attack tools of the hostile-input tests),
#          pgbouncer (the connection-pooling test),
#          Python 3 (the campaign test set generator), faketime (the suites at chosen clocks),
#          pgBackRest (the restore and PITR drills), Prometheus's promtool and python3-yaml
#          (the alerting rules' tests)
set -euo pipefail

run_pkgs="gcc make pkg-config libc6-dev libpq-dev libfcgi-dev libjansson-dev libutf8proc-dev libsodium-dev libstemmer-dev
          postgresql postgresql-client nginx curl"
check_pkgs="libcmocka-dev jq chromium valgrind clang libclang-rt-14-dev sqlmap slowhttptest pgbouncer python3 faketime pgbackrest prometheus python3-yaml"

case ${1:-run} in
	run) want=$run_pkgs ;;
	check) want="$run_pkgs $check_pkgs" ;;
	-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "usage: deploy/deps.sh [run|check]" >&2; exit 2 ;;
esac

missing=()
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm drive the browser test; any recent node on PATH will do.
if [ "${1:-run}" = check ] && ! command -v npm >/dev/null; then
	missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
	echo "Kenes needs these Debian packages: ${missing[*]}" >&2
	echo "Install them as root with:" >&2
	echo "    $line" >&2
	exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A new machine's package lists may be empty; refresh them when older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]; then
	apt-get update -qq
fi
# Debian's nginx package tries to start a server on port 80 when installed; we run our own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
	chmod +x /usr/sbin/policy-rc.d
	trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
