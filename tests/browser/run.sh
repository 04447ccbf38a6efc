#!/usr/bin/env bash
# tests/browser/run.sh - the real-browser end-to-end test of the Kenes form (Chromium via
# playwright-core; see form.test.mjs). Needs a running Kenes and admin access to its database:
#
#   BASE_URL=http://127.0.0.1:8181 \
#   KENES_ADMIN_URL='host=/work/main/var/pg/run port=5432 user=postgres dbname=kenes' \
#   tests/browser/run.sh
#
# Installs playwright-core from package-lock.json on first use (npm ci); no browser download:
# it drives the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${BASE_URL:-}" ] || [ -z "${KENES_ADMIN_URL:-}" ]; then
	cat >&2 <<'USAGE'
usage: BASE_URL=http://HOST:PORT KENES_ADMIN_URL='libpq connection string' tests/browser/run.sh
  BASE_URL         where Kenes answers, e.g. http://127.0.0.1:8080
  KENES_ADMIN_URL  a connection to its database that may read kenes.proposal, e.g.
                   'host=/path/to/var/pg/run port=5432 user=postgres dbname=kenes'
  CHROMIUM_PATH    optional; the Chromium to drive (default /usr/bin/chromium)
USAGE
	exit 2
fi

for tool in node psql; do
	command -v "$tool" >/dev/null || { echo "error: $tool is not installed; the browser test needs it." >&2; exit 1; }
done
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "error: no Chromium at $chromium (apt-get install chromium, or set CHROMIUM_PATH)." >&2; exit 1; }

if [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
	command -v npm >/dev/null ||
		{ echo "error: npm is not installed and node_modules/playwright-core is missing; install npm (apt-get install npm)." >&2; exit 1; }
	echo "installing playwright-core and axe-core (npm ci)..."
	npm ci --no-audit --no-fund --silent ||
		{ echo "error: npm ci failed in $(pwd); is the npm registry reachable?" >&2; exit 1; }
fi

# Every *.test.mjs here, so a new journey file needs no edit of this script.
exec node --test --test-reporter=spec ./*.test.mjs
