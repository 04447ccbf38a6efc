#include "routes.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "browse.h"
#include "db.h"
#include "handlers.h"
#include "moderation.h"
#include "overview.h"
#include "positions.h"
#include "comparative.h"
#include "reply.h"
#include "report_identity.h"
#include "reports.h"
#include "settings.h"
#include "staff_audit.h"
#include "staff_dashboard.h"
#include "staff_flags.h"
#include "staff_history.h"
#include "staff_moderation.h"
#include "staff_pages.h"
#include "staff_parts.h"
#include "staff_positions.h"
#include "staff_query.h"
#include "staff_proposals.h"
#include "staff_reports.h"
#include "staff_session.h"
#include "submit.h"
#include "support.h"
#include "tallies.h"
#include "util.h"

#define GET     METHOD_GET
#define POST    METHOD_POST
#define DELETE  METHOD_DELETE
#define READERS (AUTH_MODERATOR | AUTH_STAFF)

/* Every endpoint. Paths are matched whole, segment by segment; the first row that takes
 * the method wins, and a path no row takes is 404 (JSON under /api/, else the HTML page). */
const struct route routes[] = {
	/* The form and the pages (HTML) */
	{ GET, "/", ROUTE_FORM, handler_form_page, 0, NULL },
	{ GET, "/proposals", ROUTE_LIST, browse_list, 0, "html" },
	{ GET, "/proposals/{id}", ROUTE_PROPOSAL_PAGE, browse_proposal_page, 0, NULL },
	{ GET, "/proposals/{id}/receipt", ROUTE_RECEIPT, handler_receipt_page, 0, NULL },
	/* The public overview of a draft (issue 15) */
	{ GET, "/consultations/{slug}", ROUTE_OVERVIEW, overview_page, 0, NULL },
	/* The public API (docs/API.md) */
	{ GET, "/api/v1/consultations/{slug}", ROUTE_CONSULTATION, overview_consultation, 0, NULL },
	{ GET, "/api/v1/proposals", ROUTE_LIST, browse_list, 0, "json" },
	{ POST, "/api/v1/proposals", ROUTE_SUBMIT, submit_handle, 0, NULL },
	{ GET, "/api/v1/proposals/{id}", ROUTE_PROPOSAL, handler_proposal, 0, NULL },
	{ POST | DELETE, "/api/v1/proposals/{id}/supports", ROUTE_SUPPORT, support_handle, 0, NULL },
	{ POST, "/api/v1/proposals/{id}/report-identity", ROUTE_REPORT_IDENTITY, report_identity_handle, 0,
	  NULL },
	/* Analysts and staff (bearer tokens) */
	{ GET, "/api/v1/tallies", ROUTE_TALLIES, tallies_handle, AUTH_ANALYST | AUTH_STAFF, NULL },
	{ GET, "/api/v1/reports/weekly", ROUTE_REPORTS, reports_handle, AUTH_STAFF, "week" },
	{ GET, "/api/v1/reports/sessions/{int}", ROUTE_REPORTS, reports_handle, AUTH_STAFF, "session" },
	/* Moderators (docs/MODERATION.md): staff may read too */
	{ GET, "/api/v1/moderation/flags", ROUTE_MODERATION, moderation_list, READERS, "flags" },
	{ POST, "/api/v1/moderation/flags/{id}/resolve", ROUTE_MODERATION, moderation_resolve, AUTH_MODERATOR,
	  NULL },
	{ GET, "/api/v1/moderation/log", ROUTE_MODERATION, moderation_list, READERS, "log" },
	{ GET, "/api/v1/moderation/proposals/{id}", ROUTE_MODERATION, moderation_proposal, READERS, NULL },
	{ POST, "/api/v1/moderation/proposals/{id}/hide", ROUTE_MODERATION, moderation_act_proposal,
	  AUTH_MODERATOR, "hide" },
	{ POST, "/api/v1/moderation/proposals/{id}/unhide", ROUTE_MODERATION, moderation_act_proposal,
	  AUTH_MODERATOR, "unhide" },
	{ POST, "/api/v1/moderation/proposals/{id}/duplicate", ROUTE_MODERATION, moderation_act_proposal,
	  AUTH_MODERATOR, "duplicate" },
	{ GET, "/api/v1/moderation/campaigns/{id}", ROUTE_MODERATION, moderation_campaign, READERS, NULL },
	{ POST, "/api/v1/moderation/campaigns/{id}/hide", ROUTE_MODERATION, moderation_act_campaign,
	  AUTH_MODERATOR, "hide" },
	{ POST, "/api/v1/moderation/campaigns/{id}/unhide", ROUTE_MODERATION, moderation_act_campaign,
	  AUTH_MODERATOR, "unhide" },
	/* The staff workspace (docs/STAFF.md): a staff session's roles, a form token on every POST */
	{ GET | POST, "/staff/sign-in", ROUTE_STAFF, staff_sign_in, 0, NULL },
	{ POST, "/staff/sign-out", ROUTE_STAFF, staff_sign_out, STAFF_SESSION | AUTH_ANY, NULL },
	{ GET, "/staff/", ROUTE_STAFF, staff_dashboard, STAFF_SESSION | AUTH_ANALYST | AUTH_STAFF, NULL },
	{ GET, "/staff/account", ROUTE_STAFF, staff_home, STAFF_SESSION | AUTH_ANY, NULL },
	{ GET, "/staff/proposals", ROUTE_STAFF, staff_proposals, STAFF_SESSION | AUTH_ANY, NULL },
	/* Analysts' pages in the workspace (fcgi/staff_parts.h, staff_query.h) */
	{ GET, "/staff/parts/{slug}", ROUTE_STAFF, staff_part_page, STAFF_SESSION | AUTH_ANALYST | AUTH_STAFF,
	  NULL },
	{ GET, "/staff/query", ROUTE_STAFF, staff_query_page, STAFF_SESSION | AUTH_ANALYST | AUTH_STAFF,
	  NULL },
	/* Moderation in the workspace (fcgi/staff_moderation.h) */
	{ GET, "/staff/moderation", ROUTE_STAFF, staff_moderation_page, STAFF_SESSION | AUTH_MODERATOR,
	  NULL },
	{ POST, "/staff/moderation/proposals", ROUTE_STAFF, staff_moderation_proposals,
	  STAFF_SESSION | AUTH_MODERATOR, NULL },
	{ POST, "/staff/moderation/campaigns", ROUTE_STAFF, staff_moderation_campaign,
	  STAFF_SESSION | AUTH_MODERATOR, NULL },
	/* Resolving an identity flag in the workspace (fcgi/staff_flags.h) */
	{ POST, "/staff/moderation/flags", ROUTE_STAFF, staff_flags_resolve, STAFF_SESSION | AUTH_MODERATOR,
	  NULL },
	/* Reports, a proposal's history and the audit log in the workspace (fcgi/staff_reports.h,
	   staff_history.h, staff_audit.h) */
	{ GET, "/staff/reports", ROUTE_STAFF, staff_reports_page, STAFF_SESSION | AUTH_STAFF, NULL },
	{ POST, "/staff/reports/sessions", ROUTE_STAFF, staff_reports_add, STAFF_SESSION | AUTH_STAFF, NULL },
	{ POST, "/staff/reports/sessions/{int}/issue", ROUTE_STAFF, staff_reports_issue,
	  STAFF_SESSION | AUTH_STAFF, NULL },
	{ GET, "/staff/reports/{int}", ROUTE_STAFF, staff_reports_download, STAFF_SESSION | AUTH_STAFF,
	  NULL },
	{ GET, "/staff/proposals/{id}", ROUTE_STAFF, staff_history_page, STAFF_SESSION | AUTH_ANY, NULL },
	{ GET, "/staff/audit", ROUTE_STAFF, staff_audit_page, STAFF_SESSION | AUTH_STAFF, NULL },
	/* Positions in the workspace (fcgi/staff_positions.h): the API's actions as forms */
	{ GET | POST, "/staff/positions", ROUTE_STAFF, staff_positions_page, STAFF_SESSION | AUTH_STAFF,
	  "create" },
	{ POST, "/staff/positions/suggestions/{id}/accept", ROUTE_STAFF, staff_positions_act,
	  STAFF_SESSION | AUTH_STAFF, "suggestion_accept" },
	{ POST, "/staff/positions/suggestions/{id}/reject", ROUTE_STAFF, staff_positions_act,
	  STAFF_SESSION | AUTH_STAFF, "suggestion_reject" },
	{ GET, "/staff/positions/{id}", ROUTE_STAFF, staff_position_page, STAFF_SESSION | AUTH_STAFF, NULL },
	{ POST, "/staff/positions/{id}/edit", ROUTE_STAFF, staff_positions_act, STAFF_SESSION | AUTH_STAFF,
	  "edit" },
	{ POST, "/staff/positions/{id}/merge", ROUTE_STAFF, staff_positions_act, STAFF_SESSION | AUTH_STAFF,
	  "merge" },
	{ POST, "/staff/positions/{id}/split", ROUTE_STAFF, staff_positions_act, STAFF_SESSION | AUTH_STAFF,
	  "split" },
	{ POST, "/staff/positions/{id}/assign", ROUTE_STAFF, staff_positions_act, STAFF_SESSION | AUTH_STAFF,
	  "assign" },
	{ POST, "/staff/positions/{id}/unassign", ROUTE_STAFF, staff_positions_act,
	  STAFF_SESSION | AUTH_STAFF, "unassign" },
	{ POST, "/staff/positions/{id}/disposition", ROUTE_STAFF, staff_positions_act,
	  STAFF_SESSION | AUTH_STAFF, "disposition" },
	/* The comparative table (docs/POSITIONS.md): public; its positions, staff */
	{ GET, "/consultations/{slug}/comparative-table", ROUTE_COMPARATIVE, comparative_page, 0, NULL },
	{ GET, "/api/v1/comparative-table", ROUTE_COMPARATIVE, comparative_api, 0, NULL },
	{ GET, "/api/v1/positions", ROUTE_POSITIONS, positions_list, AUTH_STAFF, NULL },
	{ POST, "/api/v1/positions", ROUTE_POSITIONS, positions_act, AUTH_STAFF, "create" },
	{ GET, "/api/v1/positions/suggestions", ROUTE_POSITIONS, positions_suggestions, AUTH_STAFF, NULL },
	{ POST, "/api/v1/positions/suggestions/{id}/accept", ROUTE_POSITIONS, positions_act, AUTH_STAFF,
	  "suggestion_accept" },
	{ POST, "/api/v1/positions/suggestions/{id}/edit", ROUTE_POSITIONS, positions_act, AUTH_STAFF,
	  "suggestion_edit" },
	{ POST, "/api/v1/positions/suggestions/{id}/reject", ROUTE_POSITIONS, positions_act, AUTH_STAFF,
	  "suggestion_reject" },
	{ GET, "/api/v1/positions/{id}", ROUTE_POSITIONS, positions_show, AUTH_STAFF, NULL },
	{ POST, "/api/v1/positions/{id}/edit", ROUTE_POSITIONS, positions_act, AUTH_STAFF, "edit" },
	{ POST, "/api/v1/positions/{id}/merge", ROUTE_POSITIONS, positions_act, AUTH_STAFF, "merge" },
	{ POST, "/api/v1/positions/{id}/split", ROUTE_POSITIONS, positions_act, AUTH_STAFF, "split" },
	{ POST, "/api/v1/positions/{id}/assign", ROUTE_POSITIONS, positions_act, AUTH_STAFF, "assign" },
	{ POST, "/api/v1/positions/{id}/unassign", ROUTE_POSITIONS, positions_act, AUTH_STAFF, "unassign" },
	{ POST, "/api/v1/positions/{id}/disposition", ROUTE_POSITIONS, positions_act, AUTH_STAFF,
	  "disposition" },
	/* Operations (nginx serves /metrics to loopback only) */
	{ GET, "/healthz", ROUTE_HEALTH, handler_health, 0, NULL },
	{ GET, "/metrics", ROUTE_METRICS, handler_metrics, 0, NULL },
};
const size_t routes_count = ARRAY_LEN(routes);

/* A decimal id of n bytes, 1 to max, without a leading zero, into out. */
static bool id_segment(const char *s, size_t n, long max, char out[24])
{
	long id;

	if (n == 0 || n > 18 || s[0] == '0')
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return parse_long(out, 1, max, &id);
}

/* One segment of the shape (up to '/' or its end) against n bytes of the path. */
static bool segment_matches(const char *shape, size_t shape_len, const char *s, size_t n, bool last,
			    struct route_match *m)
{
	if (shape_len == 4 && strncmp(shape, "{id}", 4) == 0)
		return id_segment(s, n, 999999999999999999L, m->id);
	if (shape_len == 5 && strncmp(shape, "{int}", 5) == 0)
		return id_segment(s, n, 2147483647L, m->id);
	if (shape_len == 6 && strncmp(shape, "{slug}", 6) == 0) {
		if (last) {
			m->slug = s;
			return n > 0;
		}
		/* Mid-path the segment ends at a '/': copied, so the slug is a string of its own. */
		if (n == 0 || n >= sizeof(m->slug_copy))
			return false;
		memcpy(m->slug_copy, s, n);
		m->slug_copy[n] = '\0';
		m->slug = m->slug_copy;
		return true;
	}
	return shape_len == n && strncmp(shape, s, n) == 0;
}

/* The path against a row's shape, segment by segment. */
static bool path_matches(const char *shape, const char *path, struct route_match *m)
{
	memset(m, 0, sizeof(*m));
	for (;;) {
		const char *shape_end = strchr(shape, '/'), *path_end = strchr(path, '/');
		size_t shape_len = shape_end ? (size_t)(shape_end - shape) : strlen(shape);
		size_t n = path_end ? (size_t)(path_end - path) : strlen(path);

		if (!segment_matches(shape, shape_len, path, n, !path_end, m) || !shape_end != !path_end)
			return false;
		if (!shape_end)
			return true;
		shape = shape_end + 1;
		path = path_end + 1;
	}
}

static unsigned method_of(const char *method)
{
	if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
		return METHOD_GET;
	if (strcmp(method, "POST") == 0)
		return METHOD_POST;
	if (strcmp(method, "DELETE") == 0)
		return METHOD_DELETE;
	return 0;
}

const struct route *routes_find(const char *method, const char *path, struct route_match *m, unsigned *allow,
				const struct route **first)
{
	unsigned want = method_of(method);

	*allow = 0;
	*first = NULL;
	for (size_t i = 0; i < routes_count; i++) {
		if (!path_matches(routes[i].path, path, m))
			continue;
		if (routes[i].methods & want) {
			m->arg = routes[i].arg;
			return &routes[i];
		}
		*allow |= routes[i].methods;
		if (!*first)
			*first = &routes[i];
	}
	memset(m, 0, sizeof(*m));
	return NULL;
}

void routes_allow(unsigned methods, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s%s%s%s", methods & METHOD_GET ? "GET, HEAD" : "",
		 methods & METHOD_GET && methods & ~METHOD_GET ? ", " : "",
		 methods & METHOD_POST ? "POST" : "",
		 methods & METHOD_POST && methods & METHOD_DELETE ? ", DELETE"
		 : methods & METHOD_DELETE                        ? "DELETE"
								  : "");
}

void routes_dispatch(struct request *req)
{
	struct route_match m;
	const struct route *r, *first;
	unsigned allow;
	char allow_text[32];

	r = routes_find(req->method, req->path, &m, &allow, &first);
	if (!r && allow) {
		req->route = first->label;
		routes_allow(allow, allow_text, sizeof(allow_text));
		reply_method_not_allowed(req, allow_text);
		return;
	}
	if (!r) {
		if (strncmp(req->path, "/api/", 5) == 0)
			reply_error(req, 404, "not_found", "no such resource");
		else
			handler_not_found_page(req);
		return;
	}
	req->route = r->label;
	if (r->role & STAFF_SESSION) {
		if (!staff_session_require_or_reply(req, r->role & ~STAFF_SESSION, &m))
			return;
		r->handle(req, &m);
		return;
	} else if (r->role && !auth_require_token_or_reply(req, req->authorization, r->role, m.token_hash))
		return;
	r->handle(req, &m);
}
