#!/usr/bin/env bash
# The Citus plan of docs/SCALING.md, checked against the schema as migrated (Debian has no
# Citus package, so create_distributed_table itself cannot run here). For each table the plan
# says distributed (by which column), reference, or local; this checks what Citus requires:
#   * a distributed table's distribution column is NOT NULL, and every unique index or
#     constraint (primary key included) contains it;
#   * a foreign key between distributed tables joins their distribution columns (co-location);
#   * no foreign key from a reference or local table to a distributed one, nor from a
#     distributed or reference table to a local one.
# The changes docs/SCALING.md lists as needed before distributing are KNOWN below; any other
# violation fails (a new unique index without the proposal id on `support`, say). Tables the
# plan does not name are listed, not failed: classify them here and in docs/SCALING.md.
# Partitions (migration 023) are their parent's business: Citus distributes a partitioned
# table with its partitions.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"

plan="
proposal distributed id
proposal_topic distributed proposal_id
support distributed proposal_id
proposal_source distributed source_id
tally_applied distributed proposal_id
tally_applied_support distributed proposal_id
tally_change distributed proposal_id
campaign_member distributed proposal_id
campaign_proposal distributed proposal_id
suggestion_member distributed proposal_id
moderation_state distributed proposal_id
identity_flag distributed proposal_id
idempotency distributed key
identity_report_attempt distributed reporter
consultation reference -
draft_version reference -
part reference -
part_identity reference -
part_mapping reference -
topic reference -
region reference -
channel reference -
import_source reference -
campaign reference -
campaign_text reference -
campaign_band reference -
campaign_count reference -
campaign_state reference -
suggestion reference -
tally_cell reference -
tally_day reference -
tally_state reference -
commission_session reference -
report_request reference -
report reference -
report_output reference -
staff_token reference -
moderation_log reference -
"
# What docs/SCALING.md says must change first (table: problem).
known="campaign: foreign key campaign_representative_id_fkey from a reference table to distributed proposal
identity_flag: unique index identity_flag_pkey lacks proposal_id
moderation_state: foreign key moderation_state_duplicate_of_fkey does not join the distribution columns
proposal_source: foreign key proposal_source_proposal_id_fkey does not join the distribution columns
tally_change: unique index tally_change_pkey lacks proposal_id"

found=$(echo "$plan" | awk 'NF == 3 { print $1 "\t" $2 "\t" $3 }' | sql -v ON_ERROR_STOP=1 -c "
CREATE TEMP TABLE plan (tbl text PRIMARY KEY, kind text NOT NULL, col text);
COPY plan FROM STDIN WITH (NULL '-');
WITH t AS (
    SELECT c.oid, c.relname, p.kind, p.col, a.attnum, a.attnotnull
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'kenes'
    LEFT JOIN plan p ON p.tbl = c.relname
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = p.col
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition),
fk AS (
    SELECT k.conname, s.relname AS src, s.kind AS src_kind, s.attnum AS src_col,
           d.relname AS dst, d.kind AS dst_kind, d.attnum AS dst_col, k.conkey, k.confkey
    FROM pg_constraint k JOIN t s ON s.oid = k.conrelid JOIN t d ON d.oid = k.confrelid
    WHERE k.contype = 'f')
SELECT relname || ': not in the plan' FROM t WHERE kind IS NULL
UNION ALL
SELECT relname || ': distribution column ' || col || ' missing or nullable'
FROM t WHERE kind = 'distributed' AND attnotnull IS NOT TRUE
UNION ALL
SELECT t.relname || ': unique index ' || i.indexrelid::regclass::text || ' lacks ' || t.col
FROM t JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique
WHERE t.kind = 'distributed' AND NOT t.attnum = ANY (i.indkey::int2[])
UNION ALL
SELECT src || ': foreign key ' || conname || CASE
        WHEN src_kind = 'distributed' AND dst_kind = 'distributed' THEN ' does not join the distribution columns'
        ELSE ' from a ' || src_kind || ' table to ' || dst_kind || ' ' || dst END
FROM fk
WHERE src_kind IS NOT NULL AND dst_kind IS NOT NULL AND (
      (src_kind = 'distributed' AND dst_kind = 'distributed' AND NOT EXISTS (
          SELECT FROM generate_subscripts(conkey, 1) j WHERE conkey[j] = src_col AND confkey[j] = dst_col))
   OR (src_kind <> 'distributed' AND dst_kind = 'distributed')
   OR (src_kind <> 'local' AND dst_kind = 'local'))
ORDER BY 1" 2>&1 | sed 's/kenes\.//g')

unplanned=$(echo "$found" | grep ': not in the plan$')
violations=$(echo "$found" | grep -v ': not in the plan$' | grep . | sort)
[ -n "$unplanned" ] && echo "     unclassified (add them to the plan and docs/SCALING.md):" && echo "$unplanned" | sed 's/^/       /'
echo "     to change before distributing:"
echo "$violations" | sed 's/^/       /'
check "the plan names the core write path" test "$(echo "$plan" | grep -cE '^(proposal|proposal_topic|support|idempotency) distributed')" -eq 4
check "no violation but the documented ones" eq "$(comm -23 <(echo "$violations") <(echo "$known" | sort) | grep -c .)" 0
comm -23 <(echo "$violations") <(echo "$known" | sort) | sed 's/^/     new: /'
check "the proposal, its topics and supports are co-located and distributable now" \
	eq "$(echo "$violations" | grep -cE '^(proposal_topic|support|tally_applied|tally_applied_support|idempotency):')" 0
finish
