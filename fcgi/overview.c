/*
 * overview.c - the public overview of a draft (overview.h). One statement
 * (sql/queries/consultation_overview.sql) reads the tallies; this file only lays it out.
 */
#include "overview.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "handlers.h"
#include "page.h"
#include "reply.h"
#include "structure.h"

/* The overview document of consultation `slug` (new reference), or NULL: with req->status 404
   for an unknown consultation, else the database failure replied. */
static json_t *overview_fetch_or_reply(struct request *req, const char *slug)
{
	const char *params[1] = { slug };
	PGresult *res = db_run(req->db, "consultation_overview", 1, params);
	json_t *doc = NULL;

	if (!res) {
		reply_db_failure(req, req->db, "reading the overview");
		return NULL;
	}
	if (PQntuples(res) == 1)
		doc = json_loads(PQgetvalue(res, 0, 0), 0, NULL);
	else
		req->status = 404;
	PQclear(res);
	if (!doc && req->status != 404)
		reply_error(req, 500, "internal", "the overview could not be read");
	return doc;
}

/* One number of a part's stance ("all", "support", …; field "proposals", "texts", …). */
static json_t *stance_field(json_t *part, const char *stance, const char *field)
{
	return json_object_get(json_object_get(json_object_get(part, "stances"), stance), field);
}

static void number_cell(struct buf *b, json_t *n)
{
	if (json_is_integer(n))
		buf_printf(b, "<td>%lld</td>", (long long)json_integer_value(n));
	else
		buf_puts(b, "<td>—</td>"); /* campaign grouping has not run */
}

static void overview_row(struct buf *b, enum lang lang, json_t *part)
{
	const char *target = json_string_value(json_object_get(part, "target"));

	buf_puts(b, "<tr><th scope=\"row\"><a href=\"/proposals?target=");
	buf_html(b, target ? target : "");
	buf_printf(b, "&amp;lang=%s\">", lang_code(lang));
	buf_html(b, structure_label(part, "label", lang_code(lang)));
	buf_puts(b, "</a></th>");
	number_cell(b, stance_field(part, "all", "proposals"));
	number_cell(b, stance_field(part, "all", "texts"));
	number_cell(b, stance_field(part, "support", "proposals"));
	number_cell(b, stance_field(part, "oppose", "proposals"));
	number_cell(b, stance_field(part, "amend", "proposals"));
	number_cell(b, stance_field(part, "all", "supports"));
	buf_puts(b, "</tr>\n");
}

static void overview_html(struct buf *b, enum lang lang, const struct consultation *c, json_t *doc)
{
	static const char *const columns[] = { "overview.part",      "overview.proposals",
					       "overview.texts",     "view.stance.support",
					       "view.stance.oppose", "view.stance.amend",
					       "overview.supports" };
	const char *refreshed = json_string_value(json_object_get(doc, "refreshed_at"));
	json_t *part;
	size_t i;

	page_begin(b, lang, lang_tr(lang, "overview.title"));
	buf_printf(b, "<h1>%s</h1>\n<p>", lang_tr(lang, "overview.title"));
	buf_html(b, structure_label(c->doc, "title", lang_code(lang)));
	buf_printf(b, "</p>\n<p class=\"meta\">%s: ", lang_tr(lang, "overview.as_of"));
	buf_html(b, refreshed ? refreshed : lang_tr(lang, "overview.never"));
	buf_printf(b, "</p>\n<table class=\"overview\">\n<caption>%s</caption>\n<thead><tr>",
		   lang_tr(lang, "overview.caption"));
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		buf_printf(b, "<th scope=\"col\">%s</th>", lang_tr(lang, columns[i]));
	buf_puts(b, "</tr></thead>\n<tbody>\n");
	json_array_foreach(json_object_get(doc, "parts"), i, part)
	{
		overview_row(b, lang, part);
	}
	buf_puts(b, "</tbody>\n</table>\n");
	page_end(b);
}

void overview_page(struct request *req, const struct route_match *m)
{
	const struct consultation *c;
	json_t *doc;
	struct buf b;

	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	c = structure_find(m->slug);
	if (!c) {
		handler_not_found_page(req);
		return;
	}
	doc = overview_fetch_or_reply(req, c->slug);
	if (!handler_found_or_page(req, doc))
		return;
	buf_init(&b, 0);
	overview_html(&b, handler_lang(req, NULL), c, doc);
	reply_html(req, 200, &b);
	buf_free(&b);
	json_decref(doc);
}

void overview_consultation(struct request *req, const struct route_match *m)
{
	const struct consultation *c;
	char include[16] = "";
	json_t *doc, *overview;

	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	c = structure_find(m->slug);
	if (!c) {
		reply_error(req, 404, "not_found", "no such consultation");
		return;
	}
	/* Without ?include=overview the structure alone, byte for byte as before. */
	if (!request_query_param(req, "include", include, sizeof(include)) ||
	    strcmp(include, "overview") != 0) {
		reply_json_text(req, 200, c->json);
		return;
	}
	overview = overview_fetch_or_reply(req, c->slug);
	if (!overview) {
		if (req->status == 404)
			reply_error(req, 404, "not_found", "no such consultation");
		return;
	}
	doc = json_deep_copy(c->doc);
	json_object_set_new(doc, "overview", overview); /* steals overview */
	reply_json(req, 200, doc);                      /* steals doc */
}
