#!/usr/bin/env bash
# Against real PostgreSQL: migrations from empty and rerun, the schema's own field rules,
# and what the handler's role may and may not do. Needs KENES_ADMIN_URL (the database
# owner) and KENES_HANDLER_URL (the handler's login).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)

check "all migrations recorded" eq "$(sql -c 'SELECT count(*) FROM public.kenes_migration')" \
	"$(ls "$root"/sql/migrations/[0-9]*.sql | wc -l)"
out=$("$root/sql/migrate" "$KENES_ADMIN_URL" --load "$root/sql/data/constitution-2026.json" 2>&1)
check "rerun applies nothing" lacks "$out" applying
check "rerun is quiet about existing tables" lacks "$out" NOTICE
check "reload keeps one consultation" eq "$(sql -c 'SELECT count(*) FROM kenes.consultation')" 1
check "reload keeps 108 parts" eq "$(sql -c 'SELECT count(*) FROM kenes.part')" 108
check "one current version" eq "$(sql -c 'SELECT count(*) FROM kenes.draft_version WHERE is_current')" 1

# A later version needs a mapping (sql/migrate --load-version, tests/e2e/drafts.sh): the plain
# loader refuses one and changes nothing.
v2=$(jq '.version.number = 2 | .version.label.en = "Final draft" |
	.version.parts += [{"key": "article-96", "kind": "article", "number": 96}]' \
	"$root/sql/data/constitution-2026.json")
echo "SELECT kenes.consultation_load(:'doc'::jsonb)" | sql -v doc="$v2" >/dev/null 2>"$_tmp/v2.err"
check "a new version without a mapping is refused" contains "$(cat "$_tmp/v2.err")" "--load-version"
check "and nothing of it is stored" eq "$(sql -c 'SELECT count(*) FROM kenes.draft_version')" 1
echo "SELECT kenes.consultation_load(:'doc'::jsonb)" | sql -v doc="$(cat "$root/sql/data/constitution-2026.json")" >/dev/null
check "loading version 1 again keeps it current" eq "$(sql -c 'SELECT number FROM kenes.draft_version WHERE is_current')" 1

# The schema refuses what the handler must never store, whoever inserts it.
insert() { # COLUMNS... as SQL expressions for stance, text, wording
	sql 2>/dev/null <<SQL
INSERT INTO kenes.proposal (consultation_id, version_id, part_id, stance, text, proposed_wording, lang, channel)
SELECT c.id, v.id, p.id, $1, $2, $3, 'ru', 'api'
FROM kenes.consultation c JOIN kenes.draft_version v ON v.consultation_id = c.id AND v.number = 1
JOIN kenes.part p ON p.version_id = v.id AND p.kind = 'general'
SQL
}
check "a valid row is accepted" insert "'support'" "'ok'" NULL
check "stance outside the list refused" not insert "'maybe'" "'x'" NULL
check "empty text refused" not insert "'support'" "''" NULL
check "5001 characters refused" not insert "'support'" "repeat('ж', 5001)" NULL
check "non-NFC text refused" not insert "'support'" "E'e\\u0301'" NULL
check "wording without amend refused" not insert "'support'" "'x'" "'y'"
check "wording with amend accepted" insert "'amend'" "'x'" "'y'"

# Least privilege: the handler's role.
as_handler() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$KENES_HANDLER_URL" -c "$1" >/dev/null 2>&1; }
check "handler reads the structure" as_handler "SELECT kenes.consultation_json(1)"
check "handler reads published columns" as_handler "SELECT id, text FROM kenes.proposal LIMIT 1"
check "handler cannot read pseudonyms" not as_handler "SELECT submitter FROM kenes.proposal LIMIT 1"
check "handler cannot update proposals" not as_handler "UPDATE kenes.proposal SET text = 'x'"
check "handler cannot delete proposals" not as_handler "DELETE FROM kenes.proposal"
check "handler cannot change the structure" not as_handler "UPDATE kenes.part SET title_en = 'x'"
check "handler cannot create tables" not as_handler "CREATE TABLE kenes.x (a int)"
check "handler is no superuser" eq "$(psql -X -tA -d "$KENES_HANDLER_URL" -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')" f

finish
