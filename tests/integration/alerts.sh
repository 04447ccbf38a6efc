#!/usr/bin/env bash
# The alerting rules and the dashboard (deploy/prometheus/, deploy/grafana/):
#   * `promtool check rules` accepts deploy/prometheus/kenes-alerts.yml;
#   * `promtool test rules` (tests/alerts/kenes-alerts.test.yml): each alert fires on the
#     series that should raise it and not on healthy ones; a rule with its threshold changed
#     fails those tests (they can fail);
#   * every alert has a section in docs/OPERATIONS.md, where its runbook annotation points;
#   * every query of postgres-exporter-queries.yaml runs on a migrated database, as a
#     pg_monitor login with the grants the file lists, and returns the columns it declares;
#   * the Grafana dashboard is valid JSON and uses only metrics that exist: the handler's
#     (fcgi/metrics.c), the kenes_* ones defined here, or postgres_exporter's standard pg_*.
# Uses KENES_ADMIN_URL (tests/run-all.sh's database) for the exporter's queries.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
rules=$root/deploy/prometheus/kenes-alerts.yml
queries=$root/deploy/prometheus/postgres-exporter-queries.yaml
dashboard=$root/deploy/grafana/kenes-dashboard.json

check "promtool check rules" promtool check rules "$rules"
check "promtool test rules" promtool test rules "$root/tests/alerts/kenes-alerts.test.yml"
mkdir -p "$_tmp/deploy/prometheus" "$_tmp/tests/alerts"
sed 's/kenes_tallies_age_seconds > 900/kenes_tallies_age_seconds > 9000/' "$rules" >"$_tmp/deploy/prometheus/kenes-alerts.yml"
cp "$root/tests/alerts/kenes-alerts.test.yml" "$_tmp/tests/alerts/"
check "the tests catch a changed threshold" not bash -c "promtool test rules $_tmp/tests/alerts/kenes-alerts.test.yml >/dev/null 2>&1"

for a in $(awk '/- alert:/ { print $3 }' "$rules" | sort -u); do
	check "$a: docs/OPERATIONS.md has its section" grep -q "^### $a\$" "$root/docs/OPERATIONS.md"
done
for anchor in $(sed -n 's/.*runbook: "docs\/OPERATIONS.md#\([a-z0-9]*\)"/\1/p' "$rules" | sort -u); do
	check "runbook #$anchor is a section of docs/OPERATIONS.md" \
		bash -c "grep '^### ' '$root/docs/OPERATIONS.md' | tr 'A-Z' 'a-z' | grep -qx '### $anchor'"
done

# The exporter's queries, as a pg_monitor role with only the grants the file lists.
grants=$(sed -n 's/^#   \(GRANT .*;\)$/\1/p' "$queries")
check "the queries file lists its grants" test -n "$grants"
sql -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'postgres_exporter') THEN
	CREATE ROLE postgres_exporter NOLOGIN; END IF; END \$\$" >/dev/null
echo "$grants" | sql >/dev/null
python3 - "$queries" >"$_tmp/queries" <<'PY'
import sys, yaml
for name, q in yaml.safe_load(open(sys.argv[1])).items():
    cols = [list(m)[0] for m in q["metrics"]]
    print("%s\t%s\t%s" % (name, ",".join(cols), " ".join(q["query"].split())))
PY
while IFS=$'\t' read -r name cols query; do
	got=$(printf 'SET ROLE postgres_exporter;\n\\pset footer off\n%s\n' "$query" |
		psql -X -q -A -v ON_ERROR_STOP=1 -d "$KENES_ADMIN_URL" 2>&1 | head -n 1 | tr '|' ',')
	check "exporter query $name runs and returns $cols" eq "$got" "$cols"
done <"$_tmp/queries"

check "the dashboard is JSON" bash -c "jq -e '.panels | length > 5' '$dashboard' >/dev/null"
# The metrics that exist: the handler's (fcgi/metrics.c writes the commit ones as a prefix
# and "%s_SUFFIX"), the exporter queries' <query>_<column>, and pgbackrest-metrics' own.
known=$( (grep -oE 'kenes_[a-z_]+' "$root/fcgi/metrics.c"
	for p in kenes_commit kenes_support_commit; do
		grep -oE '%s_[a-z_]+' "$root/fcgi/metrics.c" | sed "s/^%s/$p/"
	done
	awk '/^kenes_[a-z_]+:$/ { q = substr($1, 1, length($1) - 1) } /^    - [a-z_]+:$/ { c = $2; sub(":", "", c); print q "_" c }' "$queries"
	grep -oE 'kenes_backup_[a-z_]+' "$root/deploy/pgbackrest-metrics") | sort -u)
exists() { # METRIC: it, or the histogram it is a series of, is known
	local base
	base=$(echo "$1" | sed -E 's/_(bucket|sum|count)$//')
	grep -qx -e "$1" -e "$base" <<<"$known"
}
unknown=""
for m in $(jq -r '.panels[].targets[]?.expr' "$dashboard" | grep -oE '\bkenes_[a-z_]+' | sort -u); do
	exists "$m" || unknown="$unknown $m"
done
check "the dashboard uses only metrics that exist" eq "$unknown" ""
unknown=""
for m in $(grep 'expr:' -A3 "$rules" | grep -oE '\bkenes_[a-z_]+' | sort -u); do
	exists "$m" || unknown="$unknown $m"
done
check "the alerts use only metrics that exist" eq "$unknown" ""
finish
