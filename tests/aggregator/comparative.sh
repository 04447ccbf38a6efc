#!/usr/bin/env bash
# The comparative table's exact counts on 100k generated proposals (tests/aggregator/
# generate.sql), with campaigns (placed whole, members added after), hidden proposals and
# proposals moved between positions and out of them, every change through kenes.position_act
# as the API makes it; its counts against the plain-SQL recount of comparative.sql. Also the
# suggestions leave placed proposals out. Needs KENES_ADMIN_URL (tests/run-all.sh).
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/lib.sh"
SUITE=aggregator-comparative
PROPOSALS=${AGG_TEST_PROPOSALS:-100000}

agg_db kenes_agg_comparative || exit 1
t0=$SECONDS
sql -v proposals="$PROPOSALS" -v supports=$((PROPOSALS / 10)) -v first=1 -f "$root/tests/aggregator/generate.sql"
check "generated $PROPOSALS proposals" eq "$(sql -c 'SELECT count(*) FROM kenes.proposal')" "$PROPOSALS"
echo "     generated in $((SECONDS - t0))s"
t=$SECONDS

# Campaigns: the amend proposals with id % 5 = 0, three per part (id % 3); at first only
# those with id % 10 = 0, the rest join after the campaigns are placed.
sql <<'SQL'
CREATE TABLE public.test_campaign (proposal_id bigint PRIMARY KEY, campaign_id bigint NOT NULL, later boolean NOT NULL);
CREATE TABLE public.test_position (id bigint PRIMARY KEY, part_id integer NOT NULL, kind text NOT NULL);
WITH groups AS (
    SELECT DISTINCT x.part_id, x.id % 3 AS k FROM kenes.proposal x WHERE x.stance = 'amend' AND x.id % 5 = 0),
made AS (
    INSERT INTO kenes.campaign (consultation_id)
    SELECT (SELECT id FROM kenes.consultation) FROM groups g ORDER BY g.part_id, g.k
    RETURNING id),
numbered AS (
    SELECT g.*, row_number() OVER (ORDER BY g.part_id, g.k) AS n FROM groups g),
ids AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM made)
INSERT INTO public.test_campaign
SELECT x.id, ids.id, x.id % 10 <> 0
FROM kenes.proposal x JOIN numbered g ON g.part_id = x.part_id AND g.k = x.id % 3
JOIN ids ON ids.n = g.n
WHERE x.stance = 'amend' AND x.id % 5 = 0;
-- every campaign has one member from the start (the first), so each is placed
UPDATE public.test_campaign SET later = false
WHERE proposal_id IN (SELECT min(proposal_id) FROM public.test_campaign GROUP BY campaign_id);
INSERT INTO kenes.campaign_member SELECT proposal_id, campaign_id FROM public.test_campaign WHERE NOT later;
INSERT INTO kenes.staff_token (name, role, token_sha256, hint)
VALUES ('comparative test', 'staff', sha256('comparative'), 'kns_test');
SQL
check "campaigns made" test "$(sql -c 'SELECT count(DISTINCT campaign_id) FROM public.test_campaign')" -gt 100

# On a third of the parts of the current version: S takes the support proposals (a search), O the oppose
# ones, C the part's campaigns (whole). Then support proposals with id % 7 = 0 move to O
# (a list), O's with id % 11 = 0 leave it, campaign members with id % 13 = 0 move to S.
sql <<'SQL' >/dev/null
CREATE FUNCTION pg_temp.ok(o kenes.outcome) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
    IF o.status NOT IN (200, 201) THEN
        RAISE EXCEPTION 'position_act answered % % %', o.status, o.code, o.body;
    END IF;
    RETURN o.body::jsonb;
END $$;
DO $$
DECLARE
    tok bytea := sha256('comparative');
    pt record;
    s bigint; o bigint; c bigint;
    cid bigint;
BEGIN
    -- every third part and article 4 (a fifth of all proposals): the others stay unplaced
    FOR pt IN SELECT p.id, kenes.part_target(p) AS target FROM kenes.part p
              JOIN kenes.draft_version v ON v.id = p.version_id AND v.is_current
              WHERE p.ordinal % 3 = 0 OR (p.kind = 'article' AND p.number = 4) ORDER BY p.ordinal LOOP
        s := (pg_temp.ok(kenes.position_act(tok, 'create', NULL, jsonb_build_object('consultation', 'constitution-2026',
                 'part', pt.target, 'label', '{"en": "in favour"}'::jsonb, 'reason', 't')))->>'id')::bigint;
        o := (pg_temp.ok(kenes.position_act(tok, 'create', NULL, jsonb_build_object('consultation', 'constitution-2026',
                 'part', pt.target, 'label', '{"ru": "против"}'::jsonb, 'reason', 't')))->>'id')::bigint;
        c := (pg_temp.ok(kenes.position_act(tok, 'create', NULL, jsonb_build_object('consultation', 'constitution-2026',
                 'part', pt.target, 'label', '{"kk": "науқан"}'::jsonb, 'reason', 't')))->>'id')::bigint;
        INSERT INTO public.test_position VALUES (s, pt.id, 'S'), (o, pt.id, 'O'), (c, pt.id, 'C');
        PERFORM pg_temp.ok(kenes.position_act(tok, 'assign', s, '{"filter": {"stance": "support"}, "reason": "t"}'));
        PERFORM pg_temp.ok(kenes.position_act(tok, 'assign', o, '{"filter": {"stance": "oppose"}, "reason": "t"}'));
        FOR cid IN SELECT DISTINCT tc.campaign_id FROM public.test_campaign tc
                   JOIN kenes.proposal x ON x.id = tc.proposal_id WHERE x.part_id = pt.id AND NOT tc.later LOOP
            PERFORM pg_temp.ok(kenes.position_act(tok, 'assign', c, jsonb_build_object('campaign', cid, 'reason', 't')));
        END LOOP;
        PERFORM pg_temp.ok(kenes.position_act(tok, 'assign', o, jsonb_build_object('reason', 'move', 'proposals',
            (SELECT coalesce(jsonb_agg(x.id), '[]') FROM kenes.proposal x
             WHERE x.part_id = pt.id AND x.stance = 'support' AND x.id % 7 = 0))))
        WHERE EXISTS (SELECT FROM kenes.proposal x WHERE x.part_id = pt.id AND x.stance = 'support' AND x.id % 7 = 0);
        PERFORM pg_temp.ok(kenes.position_act(tok, 'unassign', o, jsonb_build_object('reason', 'out', 'proposals',
            (SELECT coalesce(jsonb_agg(x.id), '[]') FROM kenes.proposal x WHERE x.part_id = pt.id AND x.id % 11 = 0))))
        WHERE EXISTS (SELECT FROM kenes.proposal x WHERE x.part_id = pt.id AND x.id % 11 = 0);
    END LOOP;
END $$;
SQL
check "positions placed" test "$(sql -c 'SELECT count(*) FROM kenes.position_log')" -gt 300
# Campaign members that join after their campaign was placed, then some moved to S by hand
# (after they joined: a person's placement wins over the campaign's), then more hidden.
sql <<'SQL' >/dev/null
INSERT INTO kenes.campaign_member SELECT proposal_id, campaign_id FROM public.test_campaign WHERE later;
SELECT kenes.position_act(sha256('comparative'), 'assign', s.id, jsonb_build_object('reason', 'by hand', 'proposals',
           (SELECT jsonb_agg(tc.proposal_id) FROM public.test_campaign tc JOIN kenes.proposal x ON x.id = tc.proposal_id
            WHERE x.part_id = s.part_id AND tc.proposal_id % 13 = 0)))
FROM public.test_position s
WHERE s.kind = 'S' AND EXISTS (SELECT FROM public.test_campaign tc JOIN kenes.proposal x ON x.id = tc.proposal_id
                               WHERE x.part_id = s.part_id AND tc.proposal_id % 13 = 0);
UPDATE kenes.proposal SET status = 'hidden' WHERE id % 31 = 0;
SQL
echo "     placed in $((SECONDS - t))s"
t=$SECONDS
out=$(sql -f "$root/tests/aggregator/comparative.sql" 2>&1)
echo "$out" | sed 's/^/     /'
check "every position's counts equal the recount" contains "$out" "positions expected=$(($(sql -c 'SELECT count(*) FROM public.test_position') * 4)) differ=0"
check "every part's unplaced count equals the recount" contains "$out"$'\n' "unplaced expected=$(sql -c "SELECT count(*) FROM kenes.part p JOIN kenes.draft_version v ON v.id = p.version_id AND v.is_current") differ=0"$'\n'
check "a later campaign member is counted" test "$(sql -c "SELECT count(*) FROM kenes.position_placement pl JOIN public.test_campaign tc ON tc.proposal_id = pl.proposal_id AND tc.later")" -gt 0
echo "     table and recount in $((SECONDS - t))s"

# The suggestions' statement leaves out what is placed, and only that.
stmt=$(grep -v '^--' "$root/sql/aggregator/suggest_proposals.sql")
cid=$(sql -c "SELECT id FROM kenes.consultation")
check "suggest reads the unplaced proposals only" eq "$(sql -c "PREPARE s(integer) AS $stmt" \
	-c "CREATE TEMP TABLE got AS EXECUTE s($cid)" -c "
	SELECT (SELECT count(*) FROM got g JOIN kenes.position_placement pl ON pl.proposal_id = g.id),
	       (SELECT count(*) FROM got) = (SELECT count(*) FROM kenes.proposal x WHERE x.status = 'published'
	            AND NOT EXISTS (SELECT FROM kenes.position_placement pl WHERE pl.proposal_id = x.id))")" "0|t"
echo "     suite took $((SECONDS - t0))s"
finish
