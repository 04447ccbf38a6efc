#include "comparative.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "util.h"
#include "widget.h"

static const char *const stances[] = { "support", "oppose", "amend" };

const char *comparative_text_in(const json_t *texts, enum lang lang)
{
	const char *s = json_string_value(json_object_get(texts, lang_code(lang)));

	for (int l = 0; !s && l < 3; l++)
		s = json_string_value(json_object_get(texts, lang_code((enum lang)l)));
	return s ? s : "";
}

static json_int_t count_of(const json_t *counts, const char *stance, const char *measure)
{
	const json_t *c = stance ? json_object_get(json_object_get(counts, "stances"), stance) : counts;

	return json_integer_value(json_object_get(c, measure));
}

static void csv_int(struct buf *b, json_int_t n)
{
	char s[24];

	snprintf(s, sizeof(s), "%lld", (long long)n);
	csv_put(b, s, false);
}

static const char *quote_text(const json_t *position, const char *which)
{
	const char *s = json_string_value(
		json_object_get(json_object_get(json_object_get(position, "quotes"), which), "text"));

	return s ? s : "";
}

static void csv_quote_id(struct buf *b, const json_t *position, const char *which)
{
	const json_t *q = json_object_get(json_object_get(position, "quotes"), which);

	if (json_is_object(q))
		csv_int(b, json_integer_value(json_object_get(q, "id")));
	else
		csv_put(b, "", false);
}

void comparative_csv(struct buf *b, const json_t *doc, enum lang lang)
{
	const json_t *part, *position;
	size_t i, j;

	buf_puts(b, "part,part_label,position,label,summary,decision,decision_reason,new_part,new_part_label,"
		    "proposals,texts,people,supports,support,oppose,amend,most_supported,most_supported_text,"
		    "shortest,shortest_text\r\n");
	json_array_foreach(json_object_get(doc, "parts"), i, part)
	{
		const char *key = json_string_value(json_object_get(part, "part"));
		const char *label = comparative_text_in(json_object_get(part, "label"), lang);

		json_array_foreach(json_object_get(part, "positions"), j, position)
		{
			const json_t *counts = json_object_get(position, "counts");
			const json_t *target = json_object_get(position, "target");
			bool has_target = json_is_object(target);
			const char *decision = json_string_value(json_object_get(position, "decision"));

			csv_put(b, key, true);
			csv_put(b, label, false);
			csv_int(b, json_integer_value(json_object_get(position, "id")));
			csv_put(b, comparative_text_in(json_object_get(position, "label"), lang), false);
			csv_put(b, comparative_text_in(json_object_get(position, "summary"), lang), false);
			csv_put(b, decision ? decision : "", false);
			csv_put(b, comparative_text_in(json_object_get(position, "decision_reason"), lang),
				false);
			csv_put(b, has_target ? json_string_value(json_object_get(target, "part")) : "",
				false);
			csv_put(b,
				has_target ? comparative_text_in(json_object_get(target, "label"), lang) : "",
				false);
			csv_int(b, count_of(counts, NULL, "proposals"));
			csv_int(b, count_of(counts, NULL, "texts"));
			csv_int(b, count_of(counts, NULL, "people"));
			csv_int(b, count_of(counts, NULL, "supports"));
			for (size_t s = 0; s < ARRAY_LEN(stances); s++)
				csv_int(b, count_of(counts, stances[s], "proposals"));
			csv_quote_id(b, position, "most_supported");
			csv_put(b, quote_text(position, "most_supported"), false);
			csv_quote_id(b, position, "shortest");
			csv_put(b, quote_text(position, "shortest"), false);
			buf_puts(b, "\r\n");
		}
		/* The part's proposals in no position: a row without a position. */
		csv_put(b, key, true);
		csv_put(b, label, false);
		csv_put(b, "", false);
		csv_put(b, lang_tr(lang, "table.unplaced"), false);
		buf_puts(b, ",,,,,"); /* summary .. new_part_label */
		csv_int(b, json_integer_value(json_object_get(part, "unplaced")));
		buf_puts(b, ",,,,,,,,,,\r\n");
	}
}

static void html_quote(struct buf *b, const json_t *position, const char *which, enum lang lang)
{
	const json_t *q = json_object_get(json_object_get(position, "quotes"), which);
	const char *text_lang = json_string_value(json_object_get(q, "lang"));

	if (!json_is_object(q))
		return;
	/* lang is kk, ru or en (the proposal table's CHECK) */
	buf_printf(b, "<blockquote lang=\"%s\"><p>", text_lang ? text_lang : "");
	buf_html(b, quote_text(position, which));
	buf_printf(
		b,
		"</p><footer><a href=\"/proposals/%lld?lang=%s\">#%lld</a> · %s %lld</footer></blockquote>\n",
		(long long)json_integer_value(json_object_get(q, "id")), lang_code(lang),
		(long long)json_integer_value(json_object_get(q, "id")), lang_tr(lang, "table.supports"),
		(long long)json_integer_value(json_object_get(q, "supports")));
}

void comparative_counts_html(struct buf *b, const json_t *counts, enum lang lang)
{
	static const char *const measures[] = { "proposals", "texts", "people", "supports" };

	buf_puts(b, "<td><dl class=\"counts\">");
	for (size_t i = 0; i < ARRAY_LEN(measures); i++) {
		char key[32];

		snprintf(key, sizeof(key), "table.%s", measures[i]);
		buf_printf(b, "<dt>%s</dt><dd>%lld</dd>", lang_tr(lang, key),
			   (long long)count_of(counts, NULL, measures[i]));
	}
	for (size_t s = 0; s < ARRAY_LEN(stances); s++) {
		char key[32];

		snprintf(key, sizeof(key), "stance.%s", stances[s]);
		buf_printf(b, "<dt>%s</dt><dd>%lld</dd>", lang_tr(lang, key),
			   (long long)count_of(counts, stances[s], "proposals"));
	}
	buf_puts(b, "</dl></td>");
}

static void html_position(struct buf *b, const json_t *position, enum lang lang)
{
	const json_t *target = json_object_get(position, "target");
	const char *decision = json_string_value(json_object_get(position, "decision"));
	char key[40];

	buf_puts(b, "<tr><td><strong>");
	buf_html(b, comparative_text_in(json_object_get(position, "label"), lang));
	buf_puts(b, "</strong><p>");
	buf_html(b, comparative_text_in(json_object_get(position, "summary"), lang));
	buf_puts(b, "</p>");
	html_quote(b, position, "most_supported", lang);
	html_quote(b, position, "shortest", lang);
	snprintf(key, sizeof(key), "decision.%s", decision ? decision : "none");
	buf_printf(b, "</td><td><strong>%s</strong><p>", lang_tr(lang, key));
	buf_html(b, comparative_text_in(json_object_get(position, "decision_reason"), lang));
	buf_puts(b, "</p></td><td>");
	if (json_is_object(target))
		buf_html(b, comparative_text_in(json_object_get(target, "label"), lang));
	buf_puts(b, "</td>");
	comparative_counts_html(b, json_object_get(position, "counts"), lang);
	buf_puts(b, "</tr>\n");
}

void comparative_html(struct buf *b, const json_t *doc, enum lang lang)
{
	const json_t *part, *position;
	size_t i, j;

	page_begin(b, lang, lang_tr(lang, "table.title"));
	buf_printf(b, "<h1>%s</h1>\n<p>", lang_tr(lang, "table.title"));
	buf_html(b, comparative_text_in(json_object_get(doc, "title"), lang));
	buf_printf(b, " · %s %lld</p>\n", lang_tr(lang, "table.version"),
		   (long long)json_integer_value(json_object_get(doc, "version")));
	json_array_foreach(json_object_get(doc, "parts"), i, part)
	{
		const json_t *positions = json_object_get(part, "positions");

		if (json_array_size(positions) == 0 &&
		    json_integer_value(json_object_get(part, "unplaced")) == 0)
			continue;
		buf_puts(b, "<section class=\"part\"><h2>");
		buf_html(b, comparative_text_in(json_object_get(part, "label"), lang));
		buf_puts(b, "</h2>\n");
		if (json_array_size(positions) > 0) {
			widget_table_head(b, "comparative",
					  (const char *const[]){ lang_tr(lang, "table.position"),
								 lang_tr(lang, "table.decision"),
								 lang_tr(lang, "table.new_part"),
								 lang_tr(lang, "table.counts"), NULL });
			buf_puts(b, "\n<tbody>\n");
			json_array_foreach(positions, j, position) html_position(b, position, lang);
			buf_puts(b, "</tbody></table>\n");
		}
		buf_printf(b, "<p class=\"unplaced\">%s: %lld</p></section>\n",
			   lang_tr(lang, "table.unplaced"),
			   (long long)json_integer_value(json_object_get(part, "unplaced")));
	}
	page_end(b);
}

json_t *comparative_table_read(struct request *req, struct db *db, const char *slug, const char *version,
			       bool *failed)
{
	PGresult *res = db_run(db, "comparative_table", 2, (const char *[]){ slug, version });
	json_t *doc = NULL;

	*failed = !res;
	if (!res) {
		reply_db_failure(req, db, "reading the comparative table");
		return NULL;
	}
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		doc = json_loads(PQgetvalue(res, 0, 0), 0, NULL);
	PQclear(res);
	return doc;
}

/* The table's document for slug and version (NULL: current), or NULL answered (404, 5xx). */
static json_t *fetch_table(struct request *req, const char *slug, const char *version)
{
	bool failed;
	json_t *doc = comparative_table_read(req, req->read_db, slug, version, &failed);

	if (!doc && !failed)
		reply_error(req, 404, "not_found", "no such consultation or version");
	return doc;
}

struct table_query {
	const char *consultation, *version, *lang;
	bool csv, bom, page;
};

static void parse_query(const struct form *f, void *query, struct errors *errs)
{
	static const char *const api_names[] = { "consultation", "version", "format", "lang", "bom" };
	static const char *const page_names[] = { "version", "lang" };
	struct table_query *q = query;
	const struct form_field *v;

	if (q->page) {
		params_check_names(f, page_names, ARRAY_LEN(page_names), NULL, errs);
	} else {
		params_check_names(f, api_names, ARRAY_LEN(api_names), NULL, errs);
		q->consultation = params_consultation_required(f, errs);
	}
	q->version = params_version(f, errs);
	if ((v = form_get(f, "format")))
		q->csv = params_format_csv(v->value, errs);
	if (!q->page) {
		q->lang = params_lang(f, "en", errs);
		q->bom = params_bom(f, errs);
	}
}

void comparative_api(struct request *req, const struct route_match *m)
{
	struct form f = { .count = 0 };
	struct table_query q = { .page = false };
	json_t *doc = NULL;
	enum lang lang = LANG_EN;

	(void)m;
	if (!params_read_or_reply(req, &f, parse_query, &q) ||
	    !(doc = fetch_table(req, q.consultation, q.version)))
		goto out;
	if (!q.csv) {
		reply_json(req, 200, doc); /* steals doc */
		doc = NULL;
		goto out;
	}
	lang_parse(q.lang, &lang);
	req->status = 200;
	req->out_type = "text/csv; charset=utf-8";
	buf_reset(&req->out);
	if (q.bom)
		buf_puts(&req->out, CSV_BOM);
	comparative_csv(&req->out, doc, lang);
	reply_header(req, "Content-Disposition", "attachment; filename=\"kenes-comparative-table.csv\"");
out:
	json_decref(doc);
	form_free(&f);
}

void comparative_page(struct request *req, const struct route_match *m)
{
	struct form f = { .count = 0 };
	struct table_query q = { .page = true };
	json_t *doc = NULL;
	struct buf html;
	enum lang lang = handler_lang(req, NULL);

	buf_init(&html, 0);
	if (!params_slug_valid(m->slug)) {
		handler_not_found_page(req);
		goto out;
	}
	if (!params_read_or_reply(req, &f, parse_query, &q))
		goto out;
	doc = fetch_table(req, m->slug, q.version);
	if (!handler_found_or_page(req, doc))
		goto out;
	comparative_html(&html, doc, lang);
	reply_html(req, 200, &html);
out:
	buf_free(&html);
	json_decref(doc);
	form_free(&f);
}
