#include "staff_moderation.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "outcome.h"
#include "reply.h"
#include "page.h"
#include "staff_flags.h"
#include "staff_pages.h"
#include "staff_search_bulk.h"
#include "staff_session.h"
#include "text.h"
#include "util.h"
#include "widget.h"

#define REASON_MAX 1000 /* bytes */

static const char *const actions[] = { "hide", "unhide", "duplicate" };
static const char *const action_keys[] = { "staff.action.hide", "staff.action.unhide",
					   "staff.action.duplicate" };

/* A short page in the workspace's shell: a title and a text (i18n keys). */
static void message(struct request *req, int status, enum lang lang, const struct route_match *m,
		    const char *title_key, const char *text_key)
{
	struct buf html;

	buf_init(&html, 0);
	page_begin(&html, lang, lang_tr(lang, title_key));
	staff_nav(&html, lang, m);
	buf_printf(&html, "<h1>%s</h1>\n<p>%s</p>\n", lang_tr(lang, title_key), lang_tr(lang, text_key));
	page_end(&html);
	reply_html(req, status, &html);
	buf_free(&html);
}

void staff_moderation_bulk_controls(struct buf *b, enum lang lang)
{
	staff_moderation_bulk_fieldset(b, lang, "staff.bulk.legend", -1);
}

void staff_moderation_bulk_fieldset(struct buf *b, enum lang lang, const char *legend_key, int count)
{
	buf_printf(b, "<fieldset class=\"bulk\"><legend>%s", lang_tr(lang, legend_key));
	if (count >= 0)
		buf_printf(b, ": <strong>%d</strong>", count);
	buf_printf(b, "</legend>\n<label>%s <select name=\"action\">", lang_tr(lang, "staff.bulk.action"));
	for (size_t i = 0; i < ARRAY_LEN(actions); i++)
		buf_printf(b, "<option value=\"%s\">%s</option>", actions[i], lang_tr(lang, action_keys[i]));
	buf_printf(
		b,
		"</select></label>\n<label>%s <input name=\"of\" inputmode=\"numeric\" size=\"12\"></label>\n"
		"<label>%s <input name=\"reason\" required maxlength=\"500\"></label>\n"
		"<button type=\"submit\">%s</button></fieldset>\n",
		lang_tr(lang, "staff.bulk.of"), lang_tr(lang, "staff.bulk.reason"),
		lang_tr(lang, "staff.bulk.review"));
}

static void flag_row(struct buf *b, enum lang lang, const char *json)
{
	json_t *doc = json_loads(json, 0, NULL);
	json_t *detail = json_object_get(doc, "detail");
	json_int_t id = json_integer_value(json_object_get(doc, "proposal"));

	buf_printf(b, "<tr><td><input type=\"checkbox\" name=\"id\" value=\"%lld\" id=\"sel-%lld\"></td>",
		   (long long)id, (long long)id);
	buf_printf(b,
		   "<td><label for=\"sel-%lld\">%lld</label> <a "
		   "href=\"/staff/proposals/%lld?lang=%s\">%s</a></td><td>",
		   (long long)id, (long long)id, (long long)id, lang_code(lang),
		   lang_tr(lang, "staff.history.link"));
	buf_html(b, widget_str(doc, "channel"));
	buf_puts(b, "</td><td>");
	buf_html(b, widget_str(doc, "status"));
	buf_puts(b, "</td><td>");
	buf_html(b, widget_str(detail, "text"));
	buf_printf(b, "</td></tr>\n");
	json_decref(doc);
}

/*
 * The queue of campaign bursts: each campaign links to its proposals in the staff search and
 * has the whole-campaign form prefilled (a reason still to give, then the confirmation).
 * STAFF_BURST_MIN is the aggregator's default campaign_burst.
 */
#define STAFF_BURST_MIN "10"
static void burst_queue(struct buf *b, enum lang lang, const struct route_match *m, const PGresult *res)
{
	static const char *const heads[] = {
		"staff.campaign.id",     "staff.burst.per_minute", "staff.burst.minute", "staff.burst.size",
		"staff.burst.published", "staff.burst.seen",       "view.text",          "staff.bulk.action"
	};
	const char *labels[ARRAY_LEN(heads) + 1] = { 0 };

	buf_printf(b, "<h2 id=\"bursts\">%s</h2>\n", lang_tr(lang, "staff.burst.title"));
	if (PQntuples(res) == 0) {
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "staff.burst.none"));
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(heads); i++)
		labels[i] = lang_tr(lang, heads[i]);
	widget_table_head(b, "bursts", labels);
	buf_puts(b, "\n<tbody>\n");
	for (int i = 0; i < PQntuples(res); i++) {
		const char *id = PQgetvalue(res, i, 0);

		buf_printf(b,
			   "<tr><td><a href=\"/staff/proposals?lang=%s&amp;campaign=%s\">%s</a></td>"
			   "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s – %s</td><td>",
			   lang_code(lang), id, id, PQgetvalue(res, i, 1), PQgetvalue(res, i, 2),
			   PQgetvalue(res, i, 3), PQgetvalue(res, i, 4), PQgetvalue(res, i, 5),
			   PQgetvalue(res, i, 6));
		buf_html(b, PQgetvalue(res, i, 7));
		buf_printf(b,
			   "</td><td><form method=\"post\" action=\"/staff/moderation/campaigns?lang=%s\">",
			   lang_code(lang));
		staff_csrf_field(b, m);
		buf_printf(
			b,
			"<input type=\"hidden\" name=\"campaign\" value=\"%s\"><input type=\"hidden\" "
			"name=\"action\" value=\"hide\"><label>%s <input name=\"reason\" required "
			"maxlength=\"500\"></label> <button type=\"submit\">%s</button></form></td></tr>\n",
			id, lang_tr(lang, "staff.bulk.reason"), lang_tr(lang, "staff.action.hide"));
	}
	buf_puts(b, "</tbody></table>\n");
}

void staff_moderation_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	PGresult *res = db_run(req->db, "moderation_flags", 3, (const char *[]){ "open", "0", "50" });
	struct buf html;

	if (!res) {
		reply_db_failure(req, req->db, "moderation_flags");
		return;
	}
	buf_init(&html, 0);
	page_begin(&html, lang, lang_tr(lang, "staff.moderation.title"));
	staff_nav(&html, lang, m);
	buf_printf(&html, "<h1>%s</h1>\n<h2>%s</h2>\n", lang_tr(lang, "staff.moderation.title"),
		   lang_tr(lang, "staff.flags.title"));
	buf_printf(&html, "<form method=\"post\" action=\"/staff/moderation/proposals?lang=%s\">\n",
		   lang_code(lang));
	staff_csrf_field(&html, m);
	buf_printf(&html,
		   "<table class=\"flags\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">№</th>"
		   "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th "
		   "scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		   lang_tr(lang, "staff.bulk.select"), lang_tr(lang, "staff.col.channel"),
		   lang_tr(lang, "staff.col.status"), lang_tr(lang, "view.text"));
	for (int i = 0; i < PQntuples(res); i++)
		flag_row(&html, lang, PQgetvalue(res, i, 1));
	buf_puts(&html, "</tbody></table>\n");
	if (PQntuples(res) == 0)
		buf_printf(&html, "<p>%s</p>\n", lang_tr(lang, "staff.flags.none"));
	staff_moderation_bulk_controls(&html, lang);
	buf_puts(&html, "</form>\n");
	staff_flags_form(&html, lang, m, res);
	PQclear(res);
	if (!(res = db_run(req->db, "staff_campaign_bursts", 2, (const char *[]){ STAFF_BURST_MIN, "50" }))) {
		buf_free(&html);
		reply_db_failure(req, req->db, "staff_campaign_bursts");
		return;
	}
	burst_queue(&html, lang, m, res);
	buf_printf(&html,
		   "<h2>%s</h2>\n<form method=\"post\" action=\"/staff/moderation/campaigns?lang=%s\">\n",
		   lang_tr(lang, "staff.campaign.title"), lang_code(lang));
	staff_csrf_field(&html, m);
	buf_printf(&html,
		   "<label>%s <input name=\"campaign\" inputmode=\"numeric\" required size=\"12\"></label>\n"
		   "<label>%s <select name=\"action\"><option value=\"hide\">%s</option>"
		   "<option value=\"unhide\">%s</option></select></label>\n"
		   "<label>%s <input name=\"reason\" required maxlength=\"500\"></label>\n"
		   "<button type=\"submit\">%s</button>\n</form>\n",
		   lang_tr(lang, "staff.campaign.id"), lang_tr(lang, "staff.bulk.action"),
		   lang_tr(lang, "staff.action.hide"), lang_tr(lang, "staff.action.unhide"),
		   lang_tr(lang, "staff.bulk.reason"), lang_tr(lang, "staff.bulk.review"));
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
	PQclear(res);
}

/* What a moderation form asked for, checked. */
struct action_form {
	struct form f;
	const char *action, *reason, *of, *campaign;
	const char *ids[STAFF_MODERATION_MAX];
	int count;
	bool confirmed;
};

static bool is_id(const char *s)
{
	long n;

	return s && *s && s[0] != '0' && strlen(s) <= 18 && parse_long(s, 1, 999999999999999999L, &n);
}

static bool reason_valid(const char *reason)
{
	return *reason && strlen(reason) <= REASON_MAX && text_is_clean_line(reason, strlen(reason));
}

/* Parses the body; false when something is missing or of the wrong shape. */
static bool read_action(const struct request *req, struct action_form *a, bool campaign)
{
	const struct form_field *v;

	memset(a, 0, sizeof(*a));
	if (!form_parse(req->body ? req->body : "", req->body_len, &a->f))
		return false;
	a->action = (v = form_get(&a->f, "action")) ? v->value : "";
	a->reason = (v = form_get(&a->f, "reason")) ? v->value : "";
	a->of = form_value(&a->f, "of");
	a->confirmed = (v = form_get(&a->f, "confirm")) && strcmp(v->value, "yes") == 0;
	a->campaign = (v = form_get(&a->f, "campaign")) ? v->value : NULL;
	for (int i = 0; i < a->f.count; i++)
		if (strcmp(a->f.fields[i].name, "id") == 0) {
			if (a->count == STAFF_MODERATION_MAX || !is_id(a->f.fields[i].value))
				return false;
			a->ids[a->count++] = a->f.fields[i].value;
		}
	if (campaign)
		return reason_valid(a->reason) && is_id(a->campaign) &&
		       (strcmp(a->action, "hide") == 0 || strcmp(a->action, "unhide") == 0);
	return a->count > 0 && staff_moderation_fields_valid(a->action, a->reason, a->of);
}

bool staff_moderation_fields_valid(const char *action, const char *reason, const char *of)
{
	if (!reason_valid(reason) || (of && !is_id(of)))
		return false;
	if (strcmp(action, "duplicate") == 0)
		return of != NULL;
	return strcmp(action, "hide") == 0 || strcmp(action, "unhide") == 0;
}

static const char *action_label(enum lang lang, const char *action)
{
	for (size_t i = 0; i < ARRAY_LEN(actions); i++)
		if (strcmp(actions[i], action) == 0)
			return lang_tr(lang, action_keys[i]);
	return action;
}

/* The confirmation: the count, what will be done, the same fields again and confirm=yes. */
static void confirm_page(struct request *req, enum lang lang, const struct route_match *m,
			 const struct action_form *a, const char *path)
{
	struct buf html;
	long count = a->count;

	if (a->campaign) { /* the members it would change, not the one campaign */
		PGresult *res = db_run(req->db, "staff_campaign_affected", 2,
				       (const char *[]){ a->campaign, a->action });

		if (!res) {
			reply_db_failure(req, req->db, "staff_campaign_affected");
			return;
		}
		count = strtol(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
	}
	staff_page_begin(&html, lang, m, "staff.confirm.title");
	buf_printf(&html, "<p>%s: <strong>%s</strong>. %s: <strong>%ld</strong>",
		   lang_tr(lang, "staff.bulk.action"), action_label(lang, a->action),
		   lang_tr(lang, "staff.confirm.count"), count);
	if (a->campaign)
		buf_printf(&html, " (%s %s)", lang_tr(lang, "staff.campaign.id"), a->campaign);
	buf_printf(&html, ".</p>\n<p>%s: ", lang_tr(lang, "staff.bulk.reason"));
	buf_html(&html, a->reason);
	buf_printf(&html, "</p>\n<form method=\"post\" action=\"%s?lang=%s\">\n", path, lang_code(lang));
	staff_csrf_field(&html, m);
	buf_printf(&html,
		   "<input type=\"hidden\" name=\"action\" value=\"%s\">\n<input type=\"hidden\" "
		   "name=\"reason\" value=\"",
		   a->action);
	buf_html(&html, a->reason);
	buf_puts(&html, "\">\n");
	if (a->of)
		buf_printf(&html, "<input type=\"hidden\" name=\"of\" value=\"%s\">\n", a->of);
	if (a->campaign)
		buf_printf(&html, "<input type=\"hidden\" name=\"campaign\" value=\"%s\">\n", a->campaign);
	for (int i = 0; i < a->count; i++)
		buf_printf(&html, "<input type=\"hidden\" name=\"id\" value=\"%s\">\n", a->ids[i]);
	staff_confirm_end(req, &html, lang, "/staff/moderation");
}

/* One row of the results: the proposal (or campaign), and what came of it. */
static void result_row(struct buf *b, enum lang lang, const char *id, const struct outcome *o)
{
	json_t *body = o->status == 200 && o->body ? json_loads(o->body, 0, NULL) : NULL;
	bool changed = json_is_true(json_object_get(body, "changed"));

	buf_printf(b, "<tr><td>%s</td><td>%s</td></tr>\n", id,
		   o->status != 200 ? lang_tr(lang, "staff.result.refused")
		   : changed        ? lang_tr(lang, "staff.result.changed")
				    : lang_tr(lang, "staff.result.unchanged"));
	json_decref(body);
}

/* Under the single sign-on: the action under the SSO subject and role (migration 034), which
   kenes.staff_sso_moderate_* log instead of a token; false when outcome_run answered 5xx. */
static bool run_sso_action(struct request *req, const char *action, const char *reason, const char *of,
			   const char *campaign, const char *id, struct outcome *o)
{
	if (campaign)
		return outcome_run(
			req, "staff_sso_moderate_campaign", 5,
			(const char *[]){ req->trusted_subject, req->trusted_role, action, id, reason },
			"staff_sso_moderate_campaign", o);
	return outcome_run(
		req, "staff_sso_moderate_proposal", 6,
		(const char *[]){ req->trusted_subject, req->trusted_role, action, id, reason, of },
		"staff_sso_moderate_proposal", o);
}

/* Runs the action on every id (or the campaign) and shows what came of each. */
static void run_actions(struct request *req, enum lang lang, const struct route_match *m,
			const struct action_form *a)
{
	staff_moderation_run(req, lang, m, a->action, a->reason, a->of, a->campaign, a->ids, a->count);
}

void staff_moderation_run(struct request *req, enum lang lang, const struct route_match *m,
			  const char *action, const char *reason, const char *of, const char *campaign,
			  const char *const *ids, int count)
{
	struct buf html;
	int done = 0;

	buf_init(&html, 0);
	page_begin(&html, lang, lang_tr(lang, "staff.result.title"));
	staff_nav(&html, lang, m);
	buf_printf(&html, "<h1>%s</h1>\n<table><tbody>\n", lang_tr(lang, "staff.result.title"));
	for (int i = 0; i < (campaign ? 1 : count); i++) {
		const char *id = campaign ? campaign : ids[i];
		struct outcome o = { 0 };
		bool ok = staff_session_is_sso(req)
				  ? run_sso_action(req, action, reason, of, campaign, id, &o)
			  : campaign ? outcome_run(req, "staff_moderate_campaign", 4,
						   (const char *[]){ m->token_hash, action, id, reason },
						   "staff_moderate_campaign", &o)
				     : outcome_run(req, "staff_moderate_proposal", 5,
						   (const char *[]){ m->token_hash, action, id, reason, of },
						   "staff_moderate_proposal", &o);

		if (!ok) { /* outcome_run answered 5xx */
			buf_free(&html);
			return;
		}
		done += o.status == 200;
		result_row(&html, lang, id, &o);
		outcome_free(&o);
	}
	buf_printf(&html,
		   "</tbody></table>\n<p>%s: %d</p>\n<p><a href=\"/staff/moderation?lang=%s\">%s</a></p>\n",
		   lang_tr(lang, "staff.result.done"), done, lang_code(lang),
		   lang_tr(lang, "staff.moderation.title"));
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
}

static void moderate(struct request *req, const struct route_match *m, bool campaign)
{
	enum lang lang = handler_lang(req, NULL);
	struct action_form a;
	bool ok;

	if (!campaign && staff_search_bulk_if_asked(req, m)) /* "every result of a search" */
		return;
	ok = read_action(req, &a, campaign); /* a.f is ours to free whatever it answers */

	if (!ok && !form_get(&a.f, "action") && !form_get(&a.f, "id") && !form_get(&a.f, "campaign")) {
		char location[40];

		/* Nothing asked for (an empty form): back to the queue. */
		snprintf(location, sizeof(location), "/staff/moderation?lang=%s", lang_code(lang));
		reply_redirect(req, 303, location);
	} else if (!ok) {
		message(req, 422, lang, m, "staff.bulk.invalid.title", "staff.bulk.invalid");
	} else if (!a.confirmed) {
		confirm_page(req, lang, m, &a,
			     campaign ? "/staff/moderation/campaigns" : "/staff/moderation/proposals");
	} else {
		run_actions(req, lang, m, &a);
	}
	form_free(&a.f);
}

void staff_moderation_proposals(struct request *req, const struct route_match *m)
{
	moderate(req, m, false);
}

void staff_moderation_campaign(struct request *req, const struct route_match *m)
{
	moderate(req, m, true);
}
