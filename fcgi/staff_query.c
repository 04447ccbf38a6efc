#include "staff_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "handlers.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "staff_pages.h"
#include "tallies.h"
#include "util.h"
#include "widget.h"

/* The form's fields and the API parameter each becomes ("labels" is the API's lang: the page
 * has its own). Order: the order of the API address. */
static const struct {
	const char *field, *param;
} fields[] = {
	{ "consultation", "consultation" },
	{ "by", "by" },
	{ "from", "from" },
	{ "to", "to" },
	{ "stance", "stance" },
	{ "version", "version" },
	{ "format", "format" },
	{ "labels", "lang" },
	{ "bom", "bom" },
};
static const char *const names[] = { "consultation", "by",     "from",   "to",  "stance",
				     "version",      "format", "labels", "bom", "lang" };
static const char *const bys[] = { "article",     "part",         "topic",         "region",
				   "channel",     "week",         "article,topic", "part,topic",
				   "part,region", "part,channel", "identity" };
static const char *const stance_values[] = { "support", "oppose", "amend" };

/* Percent-encodes all but unreserved characters and the comma of by=part,topic. */
static void url_encode(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~,", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
}

/* The API's query string of the form's fields ("" for none). */
static void api_query(struct buf *b, const struct form *f)
{
	for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
		const char *v = form_value(f, fields[i].field);

		if (!v)
			continue;
		buf_printf(b, "%s%s=", b->len ? "&" : "", fields[i].param);
		url_encode(b, v);
	}
}

static void select_field(struct buf *b, const char *name, const char *label, const char *const *values,
			 size_t n, const char *const *shown, const char *selected, const char *empty)
{
	buf_printf(b, "<div class=\"field\"><label for=\"q-%s\">%s</label><select id=\"q-%s\" name=\"%s\">",
		   name, label, name, name);
	if (empty)
		buf_printf(b, "<option value=\"\">%s</option>", empty);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", values[i],
			   selected && strcmp(selected, values[i]) == 0 ? " selected" : "",
			   shown ? shown[i] : values[i]);
	buf_puts(b, "</select></div>\n");
}

static void text_field(struct buf *b, const char *name, const char *label, const char *type,
		       const char *value)
{
	char id[64];

	snprintf(id, sizeof(id), "q-%s", name);
	widget_input(b, id, name, label, type, value);
}

static void query_form(struct buf *b, enum lang lang, const struct form *f)
{
	static const char *const formats[] = { "json", "csv" }, *const langs[] = { "kk", "ru", "en" };
	const char *stance_names[3];

	for (int i = 0; i < 3; i++) {
		char key[32];

		snprintf(key, sizeof(key), "stance.%s", stance_values[i]);
		stance_names[i] = lang_tr(lang, key);
	}
	buf_printf(b,
		   "<form method=\"get\" action=\"/staff/query\" class=\"filter\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n",
		   lang_code(lang));
	select_field(b, "by", lang_tr(lang, "staff.query.by"), bys, ARRAY_LEN(bys), NULL, form_value(f, "by"),
		     NULL);
	text_field(b, "consultation", lang_tr(lang, "field.consultation"), "text",
		   form_value(f, "consultation"));
	text_field(b, "from", lang_tr(lang, "staff.dash.from"), "date", form_value(f, "from"));
	text_field(b, "to", lang_tr(lang, "staff.dash.to"), "date", form_value(f, "to"));
	select_field(b, "stance", lang_tr(lang, "staff.dash.stance"), stance_values, 3, stance_names,
		     form_value(f, "stance"), lang_tr(lang, "staff.dash.all"));
	text_field(b, "version", lang_tr(lang, "staff.dash.version"), "text", form_value(f, "version"));
	select_field(b, "format", lang_tr(lang, "staff.query.format"), formats, 2, NULL,
		     form_value(f, "format"), "—");
	select_field(b, "labels", lang_tr(lang, "staff.query.labels"), langs, 3, NULL,
		     form_value(f, "labels"), "—");
	buf_printf(b,
		   "<div class=\"field\"><input id=\"q-bom\" name=\"bom\" type=\"checkbox\" value=\"1\"%s> "
		   "<label for=\"q-bom\">%s</label></div>\n<p><button "
		   "type=\"submit\">%s</button></p>\n</form>\n",
		   form_value(f, "bom") && strcmp(form_value(f, "bom"), "1") == 0 ? " checked" : "",
		   lang_tr(lang, "staff.query.bom"), lang_tr(lang, "staff.query.button"));
}

/* The address and the curl line (the Host header as the browser sent it, escaped). */
static void api_address(struct buf *b, struct request *req, enum lang lang, const char *query)
{
	struct buf url;

	buf_init(&url, 0);
	buf_printf(&url, "%s://%s/api/v1/tallies%s%s", req->https ? "https" : "http", req->host,
		   *query ? "?" : "", query);
	buf_printf(b, "<h2>%s</h2>\n<p><code id=\"api-url\">", lang_tr(lang, "staff.query.url"));
	buf_html(b, url.data + strlen(req->https ? "https://" : "http://") + strlen(req->host));
	buf_printf(b,
		   "</code></p>\n<p>%s</p>\n<pre><code id=\"api-curl\">curl -H 'Authorization: Bearer "
		   "$KENES_TOKEN' '",
		   lang_tr(lang, "staff.query.curl"));
	buf_html(b, url.data);
	buf_puts(b, "'</code></pre>\n");
	buf_free(&url);
}

static long long member(json_t *o, const char *name)
{
	return (long long)json_integer_value(json_object_get(o, name));
}

/* The answer's rows as a table: what the API's JSON holds, number for number. */
static void answer_table(struct buf *b, enum lang lang, json_t *doc)
{
	json_t *rows = json_object_get(doc, "rows"), *row;
	size_t i;

	buf_printf(
		b,
		"<h2>%s</h2>\n<p>%s: <strong>%s</strong></p>\n<table class=\"staff\" "
		"id=\"answer\"><caption>%s"
		"</caption>\n<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th "
		"scope=\"col\">%s"
		"</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>\n",
		lang_tr(lang, "staff.query.answer"), lang_tr(lang, "staff.dash.as_of"),
		json_string_value(json_object_get(doc, "refreshed_at")), lang_tr(lang, "staff.query.answer"),
		lang_tr(lang, "staff.query.key"), lang_tr(lang, "staff.query.label"),
		lang_tr(lang, "staff.dash.version"), lang_tr(lang, "staff.dash.proposals"),
		lang_tr(lang, "staff.dash.people"), lang_tr(lang, "staff.dash.supports"),
		lang_tr(lang, "stance.support"), lang_tr(lang, "stance.oppose"),
		lang_tr(lang, "stance.amend"), lang_tr(lang, "staff.dash.texts"));
	json_array_foreach(rows, i, row)
	{
		json_t *by = json_object_get(row, "stances"), *version = json_object_get(row, "version"),
		       *texts = json_object_get(row, "texts");

		buf_puts(b, "<tr><th scope=\"row\"><code>");
		buf_html(b, json_string_value(json_object_get(row, "key")));
		buf_puts(b, "</code></th><td>");
		buf_html(b,
			 json_string_value(json_object_get(json_object_get(row, "label"), lang_code(lang))));
		buf_puts(b, "</td><td>");
		if (version)
			buf_printf(b, "%lld", (long long)json_integer_value(version));
		buf_printf(b,
			   "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td><td "
			   "class=\"num\">%lld</td>",
			   member(row, "proposals"), member(row, "people"), member(row, "supports"));
		for (int k = 0; k < 3; k++) {
			json_t *s = json_object_get(by, stance_values[k]);

			if (s)
				buf_printf(b, "<td class=\"num\">%lld</td>", member(s, "proposals"));
			else
				buf_puts(b, "<td></td>");
		}
		if (texts)
			buf_printf(b, "<td class=\"num\">%lld</td></tr>\n",
				   (long long)json_integer_value(texts));
		else
			buf_puts(b, "<td></td></tr>\n");
	}
	buf_puts(b, "</table>\n");
}

/* Why the API would refuse the query, in its own words (its messages are English). */
static void refusal(struct buf *b, enum lang lang, const struct errors *errs, const char *message)
{
	buf_printf(b, "<div class=\"error-summary\" role=\"alert\"><h2>%s</h2><ul>",
		   lang_tr(lang, "staff.query.invalid"));
	for (int i = 0; i < errs->count; i++) {
		buf_puts(b, "<li lang=\"en\">");
		buf_html(b, errs->list[i].message);
		buf_puts(b, "</li>");
	}
	if (message)
		buf_printf(b, "<li lang=\"en\">%s</li>", message);
	buf_puts(b, "</ul></div>\n");
}

static const char *outcome_message(enum tallies_outcome o)
{
	switch (o) {
	case TALLIES_UNKNOWN_CONSULTATION:
		return "there is no such consultation";
	case TALLIES_CONSULTATION_REQUIRED:
		return "there is no consultation, or several and not one open: name one";
	case TALLIES_NOT_READY:
		return "the tallies have not been computed yet (kenes-aggregator refresh)";
	case TALLIES_UNKNOWN_VERSION:
		return "this consultation has no such draft version";
	default:
		return NULL;
	}
}

void staff_query_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 }, api = { .count = 0 };
	struct errors errs = { .count = 0 };
	struct tallies_query q;
	enum tallies_outcome outcome = TALLIES_OK;
	struct buf query, b;
	json_t *doc = NULL;

	buf_init(&query, 0);
	buf_init(&b, 0);
	if (!form_parse(req->query, strlen(req->query), &f) ||
	    (params_check_names(&f, names, ARRAY_LEN(names), NULL, &errs), errs.count > 0)) {
		handler_message_page(req, 422, lang, "staff.query.title", "staff.dash.bad_filter");
		goto out;
	}
	api_query(&query, &f);
	/* The API's own parsing and statements, over the very query string shown. */
	if (!form_parse(query.data ? query.data : "", query.len, &api))
		errors_add(&errs, ERROR_MALFORMED, "malformed_query", "", "the query string cannot be read");
	else
		tallies_parse(&api, &q, &errs);
	if (errs.count == 0 && (outcome = tallies_load(req, &q, &doc)) == TALLIES_DB_FAILED) {
		reply_db_failure(req, req->read_db, "the query builder's tallies");
		goto out;
	}
	page_begin(&b, lang, lang_tr(lang, "staff.query.title"));
	buf_printf(&b, "<h1>%s</h1>\n", lang_tr(lang, "staff.query.title"));
	staff_nav(&b, lang, m);
	buf_printf(&b, "<p>%s</p>\n", lang_tr(lang, "staff.query.intro"));
	query_form(&b, lang, &f);
	api_address(&b, req, lang, query.data ? query.data : "");
	if (errs.count > 0 || outcome != TALLIES_OK)
		refusal(&b, lang, &errs, outcome_message(outcome));
	else {
		if (q.csv)
			buf_printf(&b, "<p>%s</p>\n", lang_tr(lang, "staff.query.csv_note"));
		answer_table(&b, lang, doc);
	}
	page_end(&b);
	reply_html(req, 200, &b);
out:
	json_decref(doc);
	buf_free(&b);
	buf_free(&query);
	form_free(&api);
	form_free(&f);
}
