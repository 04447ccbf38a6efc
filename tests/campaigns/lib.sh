# tests/campaigns/lib.sh - what the campaign suites share. Source after tests/aggregator/lib.sh.
#
#   load_set FILE FROM TO   rows FROM..TO of a generated set into DB (labels kept)
#   quality                 "pairs predicted=… precision=P recall=R" for the loaded set
#   partition               md5 of which proposals share a campaign (ids left out)
#   campaign_digest         md5 of every campaign's counts and the collapsed counts, each
#                           campaign named by its first member (ids left out)
#   at_least X Y            X >= Y, as decimals

load_set() {
	sql -v file="$1" -v from="$2" -v to="$3" -f "$root/tests/campaigns/load.sql"
}

quality() {
	sql -f "$root/tests/campaigns/quality.sql"
}

partition() {
	sql <<'SQL'
SELECT md5(string_agg(format('%s %s', p.id, coalesce(f.first_member, p.id)), ',' ORDER BY p.id))
FROM kenes.proposal p
LEFT JOIN kenes.campaign_member m ON m.proposal_id = p.id
LEFT JOIN (SELECT campaign_id, min(proposal_id) AS first_member FROM kenes.campaign_member
           GROUP BY campaign_id) f USING (campaign_id)
SQL
}

campaign_digest() {
	sql <<'SQL'
SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
    SELECT format('campaign %s %s %s %s %s %s %s %s %s %s %s %s %s', f.first_member, c.consultation_id,
                  c.size, c.published, c.people, c.texts, c.representative_id, c.first_seen,
                  c.last_seen, c.regions, c.channels, c.burst_per_minute, c.burst_at)
    FROM kenes.campaign c
    JOIN (SELECT campaign_id, min(proposal_id) AS first_member FROM kenes.campaign_member
          GROUP BY campaign_id) f ON f.campaign_id = c.id
    UNION ALL
    SELECT format('count %s', k.*) FROM kenes.campaign_count k) AS all_rows(x)
SQL
}

at_least() {
	awk -v x="$1" -v y="$2" 'BEGIN { exit !(x + 0 >= y + 0) }' || { echo "     $1 is below $2"; return 1; }
}
