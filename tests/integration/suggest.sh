#!/usr/bin/env bash
# Suggestions (aggregator/suggest.c) against the throwaway cluster of tests/run-all.sh:
#   1. quality: the labelled set of tests/suggest/generate.py (24 demands on 8 articles, each
#      in its own words by 6 to 14 people, kk/ru/en, with hard negatives asking for something
#      else or the opposite in the same words), `refresh` then `suggest`; pairwise precision
#      and recall printed, on two seeds: precision must reach 0.85 at recall 0.6;
#   2. the same data gives the same suggestions; a campaign's proposals are in one together;
#   3. the measure can fail.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/lib/assert.sh"
. "$root/tests/aggregator/lib.sh"
. "$root/tests/campaigns/lib.sh"
SUITE=suggest
export KENES_WEEKLY_REPORTS=0
asan=$root/bin/asan/kenes-aggregator
[ -x "$asan" ] && AGG=$asan
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

groups() { # which proposals share a suggestion, ids and suggestion ids left out of it
	sql -c "SELECT md5(string_agg(format('%s %s', proposal_id, first), ',' ORDER BY proposal_id)) FROM (SELECT proposal_id, min(proposal_id) OVER (PARTITION BY suggestion_id) AS first FROM kenes.suggestion_member) x"
}

for seed in 1 2; do
	agg_db kenes_suggest || exit 1
	python3 "$root/tests/suggest/generate.py" --seed "$seed" >"$_tmp/set.tsv"
	load_set "$_tmp/set.tsv" 1 1000000
	agg refresh 2>"$_tmp/refresh.log"
	check "seed $seed: refresh succeeds" eq "$?" 0
	out=$(agg suggest 2>&1)
	check "seed $seed: suggest succeeds" eq "$?" 0
	q=$(sql -f "$root/tests/suggest/quality.sql")
	echo "     seed $seed: $(wc -l <"$_tmp/set.tsv") proposals, $(sql -c 'SELECT count(*) FROM kenes.suggestion') suggestions; $q"
	precision=$(echo "$q" | sed -n 's/.*precision=\([0-9.]*\).*/\1/p')
	recall=$(echo "$q" | sed -n 's/.*recall=\([0-9.]*\).*/\1/p')
	check "seed $seed: precision $precision >= 0.85" at_least "${precision:-0}" 0.85
	check "seed $seed: recall $recall >= 0.6" at_least "${recall:-0}" 0.6
done

# --- 2. the same data, the same suggestions ---------------------------------------------------
first=$(groups)
agg suggest 2>/dev/null
check "suggest again: the same groups" eq "$(groups)" "$first"
check "each suggestion lies within one part and counts its members" eq "$(sql -c "SELECT count(*) FROM kenes.suggestion s WHERE s.proposals <> (SELECT count(*) FROM kenes.suggestion_member m WHERE m.suggestion_id = s.id) OR EXISTS (SELECT FROM kenes.suggestion_member m JOIN kenes.proposal p ON p.id = m.proposal_id WHERE m.suggestion_id = s.id AND p.part_id <> s.part_id)")" 0
# Two copies of one proposal are a campaign, and come into a suggestion together.
sql -c "INSERT INTO kenes.proposal (id, consultation_id, version_id, part_id, stance, text, lang, region, channel, created_at) SELECT kenes.proposal_next_id(), consultation_id, version_id, part_id, stance, text, lang, region, channel, created_at FROM kenes.proposal WHERE id = (SELECT min(proposal_id) FROM kenes.suggestion_member)" >/dev/null
agg refresh 2>/dev/null && agg suggest 2>/dev/null
check "a campaign's proposals share one suggestion" eq "$(sql -c "SELECT count(DISTINCT s.suggestion_id) || ' ' || count(*) FROM kenes.campaign_member c JOIN kenes.suggestion_member s USING (proposal_id) WHERE c.campaign_id = (SELECT campaign_id FROM kenes.campaign_member WHERE proposal_id = (SELECT max(id) FROM kenes.proposal))")" "1 2"
hidden=$(sql -c "SELECT min(proposal_id) FROM kenes.suggestion_member")
sql -c "UPDATE kenes.proposal SET status = 'hidden' WHERE id = $hidden" >/dev/null
agg suggest 2>/dev/null
check "a hidden proposal is in no suggestion" eq "$(sql -c "SELECT count(*) FROM kenes.suggestion_member WHERE proposal_id = $hidden")" 0

# --- 3. the measure can fail: every proposal in one suggestion --------------------------------
bad=$(sql -c "BEGIN" -c "INSERT INTO kenes.suggestion_member SELECT (SELECT min(id) FROM kenes.suggestion), proposal_id FROM public.campaign_label ON CONFLICT DO NOTHING" -c "DELETE FROM kenes.suggestion_member WHERE suggestion_id <> (SELECT min(id) FROM kenes.suggestion)" -f "$root/tests/suggest/quality.sql" -c "ROLLBACK")
check "the measure can fail ($bad)" not at_least "$(echo "$bad" | sed -n 's/.*precision=\([0-9.]*\).*/\1/p')" 0.85

finish
