#include "staff_history.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "handlers.h"
#include "page.h"
#include "reply.h"
#include "staff_pages.h"
#include "staff_reports.h"
#include "widget.h"

/* A member of o as text: a string, a number, true/false, or "—" when null or absent. */
static void value(struct buf *b, json_t *o, const char *member)
{
	json_t *v = json_object_get(o, member);

	if (json_is_string(v))
		buf_html(b, json_string_value(v));
	else if (json_is_integer(v))
		buf_printf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_boolean(v))
		buf_puts(b, json_is_true(v) ? "✓" : "✗");
	else
		buf_puts(b, "—");
}

static void row(struct buf *b, enum lang lang, const char *key, json_t *o, const char *member)
{
	buf_printf(b, "<dt>%s</dt><dd>", lang_tr(lang, key));
	value(b, o, member);
	buf_puts(b, "</dd>\n");
}

static void facts(struct buf *b, enum lang lang, json_t *doc)
{
	json_t *text = json_object_get(doc, "proposed_wording");

	buf_puts(b, "<dl class=\"facts\">\n");
	row(b, lang, "staff.col.status", doc, "status");
	row(b, lang, "staff.history.hidden_as", doc, "hidden_as");
	row(b, lang, "staff.history.duplicate_of", doc, "duplicate_of");
	row(b, lang, "field.target", doc, "target");
	row(b, lang, "view.stance", doc, "stance");
	row(b, lang, "staff.col.channel", doc, "channel");
	row(b, lang, "staff.history.lang", doc, "lang");
	row(b, lang, "staff.search.region", doc, "region");
	row(b, lang, "staff.history.created", doc, "created_at");
	row(b, lang, "staff.dash.supports", doc, "supports");
	row(b, lang, "staff.history.campaign", doc, "campaign_member");
	buf_puts(b, "</dl>\n<blockquote class=\"text\">");
	value(b, doc, "text");
	buf_puts(b, "</blockquote>\n");
	if (json_is_string(text)) {
		buf_printf(b, "<h2>%s</h2>\n<blockquote class=\"text\">",
			   lang_tr(lang, "staff.history.wording"));
		buf_html(b, json_string_value(text));
		buf_puts(b, "</blockquote>\n");
	}
}

/* A table of the objects of array `member`, one column per (member, i18n key). */
static void table(struct buf *b, enum lang lang, json_t *doc, const char *member, const char *title_key,
		  const char *empty_key, const char *const cols[][2], size_t ncols)
{
	json_t *list = json_object_get(doc, member), *item;
	size_t i;

	buf_printf(b, "<h2>%s</h2>\n", lang_tr(lang, title_key));
	if (json_array_size(list) == 0) {
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, empty_key));
		return;
	}
	buf_printf(b, "<table class=\"staff wrap %s\"><thead><tr>", member);
	for (size_t c = 0; c < ncols; c++)
		buf_printf(b, "<th scope=\"col\">%s</th>", lang_tr(lang, cols[c][1]));
	buf_puts(b, "</tr></thead><tbody>\n");
	json_array_foreach(list, i, item)
	{
		buf_puts(b, "<tr>");
		for (size_t c = 0; c < ncols; c++) {
			buf_puts(b, "<td>");
			value(b, item, cols[c][0]);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

static const char *const log_cols[][2] = {
	{ "at", "staff.audit.at" },
	{ "actor", "staff.audit.actor" },
	{ "action", "staff.bulk.action" },
	{ "reason", "staff.bulk.reason" },
	{ "campaign", "staff.history.campaign" },
	{ "duplicate_of", "staff.history.duplicate_of" },
	{ "flag", "staff.history.flag" },
	{ "decision", "staff.history.decision" },
};
static const char *const flag_cols[][2] = {
	{ "flag", "staff.history.flag" },          { "channel", "staff.col.channel" },
	{ "created_at", "staff.history.created" }, { "resolved_at", "staff.history.resolved" },
	{ "decision", "staff.history.decision" },
};

/* The positions the proposal is in: a label in the page's language, or another one. */
static void positions(struct buf *b, enum lang lang, const PGresult *res)
{
	int first_label = lang == LANG_KK ? 2 : lang == LANG_RU ? 3 : 4;

	buf_printf(b, "<h2>%s</h2>\n", lang_tr(lang, "staff.history.positions"));
	if (PQntuples(res) == 0) {
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "staff.history.no_positions"));
		return;
	}
	buf_puts(b, "<ul class=\"positions\">\n");
	for (int i = 0; i < PQntuples(res); i++) {
		int col = first_label;

		for (int k = 2; PQgetisnull(res, i, col) && k <= 4; k++)
			col = k;
		buf_printf(b, "<li>№%s · ", PQgetvalue(res, i, 0));
		buf_html(b, PQgetvalue(res, i, 1));
		buf_puts(b, " · ");
		buf_html(b, PQgetvalue(res, i, col));
		if (!PQgetisnull(res, i, 5)) {
			buf_puts(b, " · ");
			buf_html(b, PQgetvalue(res, i, 5));
		}
		if (strcmp(PQgetvalue(res, i, 6), "t") == 0)
			buf_printf(b, " (%s)", lang_tr(lang, "staff.history.via_campaign"));
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ul>\n");
}

void staff_history_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	bool moderation = m->role & (AUTH_STAFF | AUTH_MODERATOR);
	PGresult *res = NULL, *placed = NULL;
	json_t *doc = NULL;
	struct buf html;

	if (!(res = db_run(req->db, "moderation_proposal", 1, (const char *[]){ m->id })) ||
	    !(placed = db_run(req->db, "staff_proposal_positions", 1, (const char *[]){ m->id }))) {
		reply_db_failure(req, req->db, "reading a proposal's history");
		goto out;
	}
	doc = PQntuples(res) == 1 ? json_loads(PQgetvalue(res, 0, 0), 0, NULL) : NULL;
	/* Analysts: published proposals only, as in the search; anything else does not exist. */
	if (!doc || (!moderation && strcmp(widget_str(doc, "status"), "published") != 0)) {
		staff_message_page(req, 404, lang, m, "notfound.title", "notfound.text");
		goto out;
	}
	buf_init(&html, 0);
	page_begin(&html, lang, lang_tr(lang, "staff.history.title"));
	staff_nav(&html, lang, m);
	buf_printf(&html, "<h1>%s %s</h1>\n", lang_tr(lang, "proposal.title"), m->id);
	facts(&html, lang, doc);
	positions(&html, lang, placed);
	if (moderation) {
		table(&html, lang, doc, "history", "staff.history.log", "staff.history.no_log", log_cols,
		      sizeof(log_cols) / sizeof(log_cols[0]));
		table(&html, lang, doc, "flags", "staff.history.flags", "staff.history.no_flags", flag_cols,
		      sizeof(flag_cols) / sizeof(flag_cols[0]));
	}
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
out:
	json_decref(doc);
	PQclear(placed);
	PQclear(res);
}
