#!/usr/bin/env bash
# The "trusted-header" identity policy: a single sign-on in front of nginx (auth_request)
# vouches for a subject, nginx passes it as a FastCGI parameter, and nothing a client sends
# itself is taken for it. Uses a second consultation, open only while this test runs.
set -uo pipefail
. "$(dirname "$0")/../lib/assert.sh"
. "$(dirname "$0")/../../deploy/lib.sh"
[ -n "${KENES_FCGI_SOCKET:-}" ] || { echo "sso: KENES_FCGI_SOCKET not set"; exit 1; }

dir=$(mktemp -d)
mkdir -p "$dir/tmp"
port=0
# Below the kernel's ephemeral ports (32768 and up): a client's connection may hold one of
# those without listening, which kenes_port_free cannot see and nginx then cannot bind.
for _ in $(seq 50); do p=$((20000 + RANDOM % 12000)); kenes_port_free "$p" && { port=$p; break; }; done
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
sed -e "s|@PREFIX@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@SOCKET@|$KENES_FCGI_SOCKET|g" -e "s|@USER@|$user|" \
	"$(dirname "$0")/sso-nginx.conf.in" >"$dir/nginx.conf"
kenes_nginx_start "$dir" &
nginx_pid=$!
BASE_URL=http://127.0.0.1:$port
doc=$(jq '.slug = "sso-2026" | .identity = {"policy": "trusted-header", "proposals_require_identity": true}' \
	"$KENES_ROOT/sql/data/constitution-2026.json")
echo "SELECT kenes.consultation_load(:'doc'::jsonb)" | sql -v doc="$doc" >/dev/null
echo "UPDATE kenes.consultation SET status = 'closed' WHERE slug = 'constitution-2026'" | sql
cleanup() {
	echo "UPDATE kenes.consultation SET status = 'closed' WHERE slug = 'sso-2026'" | sql
	# The session this suite adds, so that no refresh issues its report and a rerun may add it.
	echo "DELETE FROM kenes.report_request q USING kenes.consultation c WHERE c.id = q.consultation_id AND c.slug = 'sso-2026';
		DELETE FROM kenes.commission_session s USING kenes.consultation c WHERE c.id = s.consultation_id AND c.slug = 'sso-2026'" | sql
	echo "UPDATE kenes.consultation SET status = 'open' WHERE slug = 'constitution-2026'" | sql
	kill -QUIT "$nginx_pid" 2>/dev/null
	wait "$nginx_pid" 2>/dev/null
	rm -rf "$dir"
	sleep 1.1 # the handler's structure cache (structure_ttl=1 in the tests)
}
trap 'cleanup; rm -rf "$_tmp"' EXIT
sleep 1.1
kenes_wait_http "$BASE_URL/healthz" 10

body='{"consultation":"sso-2026","target":"article:4","stance":"support","text":"через SSO","lang":"ru"}'
http POST /api/v1/proposals -H 'Content-Type: application/json' --data "$body"
check "proposal without a signed-in person: 401" eq "$STATUS $(json .error.code)" "401 identity_required"
http POST /api/v1/proposals -H 'Content-Type: application/json' -H 'Kenes-Trusted-Subject: mallory' \
	-H 'X-Verified-Subject: mallory' --data "$body"
check "a subject the client sends itself is not honoured" eq "$STATUS" 401
http POST /api/v1/proposals -H 'Content-Type: application/json' -b 'sso=ok-aigerim' --data "$body"
check "signed in: 201" eq "$STATUS" 201
pid=$(json .id)
check "the proposal carries her pseudonym" \
	eq "$(echo "SELECT octet_length(submitter) FROM kenes.proposal WHERE id = :'id'" | sql -v id="$pid")" 32
check "the subject itself is stored nowhere" \
	eq "$(echo "SELECT count(*) FROM kenes.proposal WHERE submitter::text LIKE '%aigerim%' OR text LIKE '%aigerim%'" | sql)" 0

http POST "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/json' --data '{}'
check "support without a signed-in person: 401" eq "$STATUS" 401
http POST "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/json' -b 'sso=ok-bolat' --data ''
check "support by a signed-in person, no body needed: 201" eq "$STATUS $(json .supports)" "201 1"
http POST "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/json' -b 'sso=ok-bolat' --data '{}'
check "the same person again: 200, counted once" eq "$STATUS $(json .supports)" "200 1"
http POST "/api/v1/proposals/$pid/supports" -H 'Content-Type: application/json' -b 'sso=ok-dana' --data '{}'
check "another person: 201" eq "$STATUS $(json .supports)" "201 2"
http DELETE "/api/v1/proposals/$pid/supports" -b 'sso=ok-dana'
check "DELETE without a body withdraws" eq "$STATUS $(json .supports)" "200 1"
http GET / -b 'sso=ok-aigerim'
check "the form asks for no IIN under this policy" lacks "$BODY" 'name="iin"'
# "Filed in my name" under this policy: the signed-in subject, never an IIN.
http POST "/api/v1/proposals/$pid/report-identity" -H 'Content-Type: application/json' --data '{}'
check "report without a signed-in person: 401" eq "$STATUS $(json .error.code)" "401 identity_required"
http POST "/api/v1/proposals/$pid/report-identity" -H 'Content-Type: application/json' -H 'X-Verified-Subject: ok-aigerim' --data ''
check "a subject the client sends itself is not honoured for reports" eq "$STATUS" 401
http POST "/api/v1/proposals/$pid/report-identity" -H 'Content-Type: application/json' -b 'sso=ok-bolat' --data ''
check "someone else signed in: 403 not_filed_in_your_name" eq "$STATUS $(json .error.code)" "403 not_filed_in_your_name"
http POST "/api/v1/proposals/$pid/report-identity" -H 'Content-Type: application/json' -b 'sso=ok-aigerim' --data ''
check "the person it was filed with: 201, a flag" eq "$STATUS $(json .reported)" "201 true"
http GET "/proposals/$pid?lang=en" -b 'sso=ok-aigerim'
check "the page has the report form" contains "$BODY" "action=\"/api/v1/proposals/$pid/report-identity\""
check "which asks for no IIN" lacks "$BODY" 'f-report_iin'

# The staff workspace under single sign-on (docs/STAFF.md): the provider's subject and role.
http GET '/staff/?lang=en' -b 'sso=ok-aigerim'
check "staff: a signed-in citizen without a staff role is sent to the sign-in page" eq "$STATUS" 303
http GET '/staff/?lang=en' -b 'sso=ok-aigerim' -H 'Kenes-Trusted-Role: staff' -H 'X-Verified-Role: staff'
check "staff: a role the client sends itself is not honoured" eq "$STATUS" 303
http GET '/staff/?lang=en' -b 'sso=ok-aigerim; sso_role=root'
check "staff: a role Kenes does not know is no role" eq "$STATUS" 303
http GET '/staff/account?lang=en' -b 'sso=ok-aigerim; sso_role=analyst'
check "staff: the provider's analyst is signed in" eq "$STATUS" 200
check "... as an analyst" contains "$BODY" "analyst"
sso_csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
http POST /staff/sign-out -b 'sso=ok-bolat; sso_role=analyst' --data-urlencode "csrf=$sso_csrf"
check "staff: another person's form token is refused" eq "$STATUS" 403
http POST /staff/sign-out -b 'sso=ok-aigerim; sso_role=moderator' --data-urlencode "csrf=$sso_csrf"
check "staff: the same person with another role is another binding" eq "$STATUS" 403
http POST /staff/sign-out -b 'sso=ok-aigerim; sso_role=analyst' --data-urlencode "csrf=$sso_csrf"
check "staff: her own form token goes through" eq "$STATUS" 303
# Moderation under the single sign-on (migration 034): the log names the SSO subject.
mod='sso=ok-mira; sso_role=moderator'
http GET '/staff/moderation?lang=en' -b "$mod"
check "staff: the provider's moderator sees the queue" eq "$STATUS" 200
mod_csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
moderate() { # cookie csrf action
	http POST '/staff/moderation/proposals?lang=en' -b "$1" --data-urlencode "csrf=$2" \
		--data "id=$pid&action=$3&confirm=yes" --data-urlencode "reason=SSO check"
}
status_of() { echo "SELECT status FROM kenes.proposal WHERE id = :'id'" | sql -v id="$pid"; }
moderate "$mod" "" hide
check "staff: an SSO moderator's action without a form token: 403" eq "$STATUS" 403
check "... and nothing hidden" eq "$(status_of)" published
moderate "$mod" "$mod_csrf" hide
check "staff: an SSO moderator hides" eq "$STATUS" 200
check "... changed" contains "$BODY" "changed"
check "... hidden" eq "$(status_of)" hidden
moderate "$mod" "$mod_csrf" unhide
check "staff: and shows it again" eq "$(status_of)" published
check "the log names the SSO subject, and no token, for both" \
	eq "$(echo "SELECT string_agg(action || ' ' || sso_subject || ' ' || actor || ' ' || role || ' ' || (token_id IS NULL), ',' ORDER BY id)
		FROM kenes.moderation_log WHERE proposal_id = :'id'" | sql -v id="$pid")" \
	"hide mira mira moderator true,unhide mira mira moderator true"
http GET '/staff/audit?log=moderation&lang=en' -b 'sso=ok-mira; sso_role=staff'
check "staff: the audit page shows the subject" contains "$BODY" "<td>mira</td>"
http GET '/staff/moderation?lang=en' -b 'sso=ok-mira; sso_role=analyst'
check "staff: an SSO analyst may not open the queue: 403" eq "$STATUS" 403
ana_csrf=$(curl -s -b 'sso=ok-mira; sso_role=analyst' "$BASE_URL/staff/account?lang=en" |
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
moderate 'sso=ok-mira; sso_role=analyst' "$ana_csrf" hide
check "staff: an SSO analyst's action: 403" eq "$STATUS" 403
check "... and nothing hidden" eq "$(status_of)" published
# Resolving the identity flag filed above, under the single sign-on: logged under the subject.
flag=$(echo "SELECT id FROM kenes.identity_flag WHERE proposal_id = :'id' AND resolved_at IS NULL" | sql -v id="$pid")
resolve() { # cookie csrf
	http POST '/staff/moderation/flags?lang=en' -b "$1" --data-urlencode "csrf=$2" \
		--data "flag=$flag&decision=keep" --data-urlencode "reason=SSO flag check"
}
resolve 'sso=ok-mira; sso_role=analyst' "$ana_csrf"
check "staff: an SSO analyst may not resolve a flag: 403" eq "$STATUS $(echo "SELECT resolved_at IS NULL FROM kenes.identity_flag WHERE id = :'f'" | sql -v f="$flag")" "403 t"
resolve "$mod" "$mod_csrf"
check "staff: an SSO moderator resolves it: 303 to the queue" eq "$STATUS $(header Location)" "303 /staff/moderation?lang=en"
check "kept, and logged under the SSO subject, with no token" \
	eq "$(echo "SELECT f.decision || ' ' || p.status || ' ' || l.sso_subject || ' ' || l.role || ' ' || (l.token_id IS NULL)
		FROM kenes.identity_flag f JOIN kenes.proposal p ON p.id = f.proposal_id JOIN kenes.moderation_log l ON l.id = f.log_id
		WHERE f.id = :'f'" | sql -v f="$flag")" "keep published mira moderator true"
# Adding a Commission session and asking for its report under the single sign-on (migration
# 035): the audit log and the request name the SSO subject, and no session or token.
[ "$(echo "SELECT count(*) FROM kenes.tally_state" | sql)" -gt 0 ] ||
	KENES_DATABASE_ROLE=kenes_aggregator KENES_WEEKLY_REPORTS=0 "$KENES_ROOT/bin/kenes-aggregator" -q -d "$KENES_ADMIN_URL" refresh >/dev/null
sec='sso=ok-sara; sso_role=staff'
rq='lang=en&consultation=sso-2026'
http GET "/staff/reports?$rq" -b "$sec"
check "staff: the provider's staff member sees the reports" eq "$STATUS" 200
sec_csrf=$(printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
held=$(echo "SELECT (now() AT TIME ZONE time_zone)::date - 1 FROM kenes.tally_state" | sql)
add_session() { # cookie csrf
	http POST "/staff/reports/sessions?$rq" -b "$1" --data-urlencode "csrf=$2" \
		--data "number=1&date=$held" --data-urlencode "title=SSO session"
}
sessions() { echo "SELECT count(*) FROM kenes.commission_session s JOIN kenes.consultation c ON c.id = s.consultation_id WHERE c.slug = 'sso-2026'" | sql; }
add_session 'sso=ok-mira; sso_role=moderator' "$mod_csrf"
check "staff: an SSO moderator may not add a session: 403" eq "$STATUS $(sessions)" "403 0"
add_session "$sec" ""
check "staff: an SSO session without a form token: 403" eq "$STATUS $(sessions)" "403 0"
add_session "$sec" "$sec_csrf"
check "staff: an SSO staff member adds a session: 303 to its row" \
	eq "$STATUS $(header Location) $(sessions)" "303 /staff/reports?$rq#session-1 1"
http POST "/staff/reports/sessions/1/issue?$rq" -b 'sso=ok-mira; sso_role=analyst' \
	--data-urlencode "csrf=$ana_csrf" --data confirm=yes
check "staff: an SSO analyst may not ask for its report: 403" eq "$STATUS" 403
http POST "/staff/reports/sessions/1/issue?$rq" -b "$sec" --data-urlencode "csrf=$sec_csrf"
check "staff: the confirmation first" eq "$STATUS" 200
http POST "/staff/reports/sessions/1/issue?$rq" -b "$sec" --data-urlencode "csrf=$sec_csrf" --data confirm=yes
check "staff: then asks for the report: 303 to its row" eq "$STATUS $(header Location)" "303 /staff/reports?$rq#session-1"
check "the request names the SSO subject, and no token" \
	eq "$(echo "SELECT q.sso_subject || ' ' || (q.token_id IS NULL) FROM kenes.report_request q JOIN kenes.consultation c ON c.id = q.consultation_id WHERE c.slug = 'sso-2026'" | sql)" "sara true"
check "the audit log names the subject, its role, and no session or token, for both" \
	eq "$(echo "SELECT string_agg(event || ' ' || sso_subject || ' ' || role || ' ' || (session_id IS NULL AND token_id IS NULL), ',' ORDER BY id) FROM kenes.staff_audit WHERE sso_subject = 'sara'" | sql)" \
	"session_add sara staff true,report_issue sara staff true"
http GET '/staff/audit?log=staff&lang=en' -b "$sec"
check "staff: the audit page shows the subject" contains "$BODY" "<td>sara</td>"
# Positions under the single sign-on (migration 037): made, assigned and decided on the
# workspace's pages, logged under the SSO subject with no token; another SSO role may not.
http GET '/staff/positions?lang=en&consultation=sso-2026' -b "$sec"
check "positions: an SSO staff member sees the page" eq "$STATUS" 200
pos_act() { # COOKIE PATH FORM...
	http POST "/staff/positions$2" -b "$1" --data-urlencode "csrf=$sec_csrf" "${@:3}"
}
pos_act "$sec" '?lang=en' --data "consultation=sso-2026&part=article:4&label_en=SSO position&reason=r" \
	--data-urlencode "proposals=$pid"
spos=$(header Location | sed -n 's|^/staff/positions/\([0-9]*\)?lang=en$|\1|p')
check "positions: made with a proposal" test -n "$spos"
pos_act "$sec" "/$spos/disposition?lang=en" --data "decision=accepted&target=&reason=agreed"
check "positions: a disposition" eq "$STATUS" 303
http POST "/staff/positions/$spos/edit?lang=en" -b 'sso=ok-mira; sso_role=moderator' \
	--data-urlencode "csrf=$mod_csrf" --data "label_en=x&reason=r"
check "positions: an SSO moderator may not: 403" eq "$STATUS" 403
check "positions: the log names the subject and no token" \
	eq "$(echo "SELECT string_agg(action || ' ' || actor || ' ' || sso_subject || ' ' || role || ' ' || (token_id IS NULL), ',' ORDER BY id) FROM kenes.position_log WHERE position_id = 0$spos" | sql)" \
	"create sara sara staff true,assign sara sara staff true,disposition sara sara staff true"
http GET "/api/v1/comparative-table?consultation=sso-2026"
check "positions: the public table shows the decision and the proposal" \
	eq "$(json '.parts[] | select(.part == "article:4") | .positions[] | select(.label.en == "SSO position") | .decision + " " + (.counts.proposals | tostring)')" "accepted 1"
finish
