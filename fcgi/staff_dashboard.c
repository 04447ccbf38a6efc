#include "staff_dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "memo.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "staff_pages.h"
#include "staff_session.h"
#include "text.h"
#include "util.h"
#include "widget.h"

static const char *const stances[] = { "support", "oppose", "amend" };
static const char *const names[] = { "consultation", "from",    "to",     "stance", "version", "topic",
				     "region",       "channel", "format", "lang",   "sort",    "dir" };
static const char *const channels[] = { "web", "api", "import" };
/* The sortable columns of the parts' table; "target" is the draft's order (the statement's). */
static const char *const sort_columns[] = { "target", "proposals", "texts", "people", "supports" };
static const char *const column_keys[] = { "field.target", "staff.dash.proposals", "staff.dash.texts",
					   "staff.dash.people", "staff.dash.supports" };
#define SORT_COLUMNS (sizeof(sort_columns) / sizeof(sort_columns[0]))

struct dash_query {
	struct staff_filter f; /* as a part's page reads them */
	const char *topic, *region, *channel, *format, *sort, *dir;
};

static bool slug_shaped(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		      s[i] == '_'))
			return false;
	return true;
}

/* The filters, checked; false for any that is malformed. */
static bool parse_query(const struct form *f, struct dash_query *q)
{
	struct errors errs = { .count = 0 };
	bool ok;

	params_check_names(f, names, sizeof(names) / sizeof(names[0]), NULL, &errs);
	ok = staff_filter_read(f, &q->f) && errs.count == 0;
	q->topic = form_value(f, "topic");
	q->region = form_value(f, "region");
	q->channel = form_value(f, "channel");
	q->format = form_value(f, "format");
	q->sort = form_value(f, "sort");
	q->dir = form_value(f, "dir");
	return ok && (!q->topic || slug_shaped(q->topic)) &&
	       (!q->region || text_is_code_shaped(q->region, 16)) &&
	       (!q->channel || params_one_of(q->channel, channels, 3)) &&
	       (!q->format || strcmp(q->format, "csv") == 0 || strcmp(q->format, "json") == 0) &&
	       (!q->sort || params_one_of(q->sort, sort_columns, SORT_COLUMNS)) &&
	       (!q->dir || strcmp(q->dir, "asc") == 0 || strcmp(q->dir, "desc") == 0);
}

/* The direction a column sorts in: as asked, else the draft's order forwards and the numbers
   largest first. */
static bool sort_descending(const struct dash_query *q)
{
	return q->dir ? strcmp(q->dir, "desc") == 0 : q->sort && strcmp(q->sort, "target") != 0;
}

struct sort_item {
	json_int_t value;
	size_t position; /* the statement's order: ties keep it, so the order is stable */
	json_t *row;     /* borrowed from the rows' array */
};

static int sort_item_compare(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->position < y->position ? -1 : x->position > y->position;
}

/* The rows in the order asked (sort=, dir=), in place; a row without distinct texts ("—")
   sorts below 0. Sorting happens here, after the texts were added, so the page, the CSV and
   the JSON share one order. */
static void sort_rows(json_t *rows, const struct dash_query *q)
{
	size_t n = json_array_size(rows), i;
	bool descending = sort_descending(q), by_target;
	struct sort_item *items;
	json_t *row;

	if (!q->sort || n < 2)
		return;
	by_target = strcmp(q->sort, "target") == 0;
	items = xcalloc(n, sizeof(*items));
	json_array_foreach(rows, i, row)
	{
		json_t *v = json_object_get(row, q->sort);
		json_int_t value = by_target ? (json_int_t)i : v ? json_integer_value(v) : -1;

		items[i] = (struct sort_item){ descending ? -value : value, i, json_incref(row) };
	}
	qsort(items, n, sizeof(*items), sort_item_compare);
	json_array_clear(rows);
	for (i = 0; i < n; i++)
		json_array_append_new(rows, items[i].row); /* the reference taken above */
	free(items);
}

static json_int_t number(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? 0 : (json_int_t)strtoll(PQgetvalue(res, row, col), NULL, 10);
}

static json_t *measures(const PGresult *res, int row, int col)
{
	return json_pack("{s:I, s:I, s:I}", "proposals", number(res, row, col), "people",
			 number(res, row, col + 1), "supports", number(res, row, col + 2));
}

/* The rows of tally_part or tally_part_topic (of one topic), one object per part and version:
   the 'all' (or the one stance) measures at the top, the stances under "stances". */
static json_t *part_rows(const PGresult *res, const struct dash_query *q, int label_col)
{
	json_t *rows = json_array(), *row = NULL;
	size_t suffix = q->topic ? strlen(q->topic) + 1 : 0;

	for (int i = 0; i < PQntuples(res); i++) {
		const char *key = PQgetvalue(res, i, 0), *stance = PQgetvalue(res, i, 4);
		size_t n = strlen(key);
		char part[128];
		json_int_t version = number(res, i, 8);

		if (suffix &&
		    (n <= suffix || key[n - suffix] != '/' || strcmp(key + n - suffix + 1, q->topic) != 0))
			continue;
		snprintf(part, sizeof(part), "%.*s", (int)(n - suffix), key);
		if (!row || strcmp(json_string_value(json_object_get(row, "key")), part) != 0 ||
		    json_integer_value(json_object_get(row, "version")) != version) {
			row = json_pack("{s:s, s:s, s:I, s:{}}", "key", part, "label",
					PQgetvalue(res, i, label_col), "version", version, "stances");
			json_array_append_new(rows, row); /* the array holds it; row stays usable */
		}
		if (strcmp(stance, "all") == 0 || q->f.stance) {
			json_t *m = measures(res, i, 5);

			json_object_update(row, m); /* copies; m is ours */
			json_decref(m);
		}
		if (strcmp(stance, "all") != 0)
			json_object_set_new(json_object_get(row, "stances"), stance, measures(res, i, 5));
	}
	return rows;
}

/* Distinct texts (campaigns counted once) per part, as the API adds them: all-time only. */
static bool add_texts(struct request *req, json_t *doc, const char *cid, const struct dash_query *q)
{
	const char *params[2] = { cid, q->f.stance };
	json_t *rows = json_object_get(doc, "rows"), *row;
	PGresult *res;
	size_t k;

	if (q->f.from || q->f.to || q->topic || q->region || q->channel)
		return true;
	if (!(res = db_run(req->read_db, "tally_texts", 2, params)))
		return false;
	/* As the API: once the campaigns were counted, a part nobody wrote about has 0 texts. */
	json_array_foreach(rows, k, row) if (PQntuples(res) > 0)
		json_object_set_new(row, "texts", json_integer(0));
	for (int i = 0; i < PQntuples(res); i++) {
		if (PQgetisnull(res, i, 0)) {
			json_object_set_new(doc, "texts", json_integer(number(res, i, 3)));
			continue;
		}
		json_array_foreach(rows, k, row)
		{
			if (strcmp(json_string_value(json_object_get(row, "key")), PQgetvalue(res, i, 0)) ==
				    0 &&
			    json_integer_value(json_object_get(row, "version")) == number(res, i, 1))
				json_object_set_new(row, "texts", json_integer(number(res, i, 3)));
		}
	}
	PQclear(res);
	return true;
}

/* Totals of the period, the week's change and the queue; false when a statement failed. */
static bool add_totals(struct request *req, json_t *doc, const char *cid, const struct dash_query *q)
{
	const char *params[3] = { cid, q->f.from, q->f.to };
	PGresult *res = db_run(req->read_db, "staff_totals", 3, params);
	json_t *totals = json_object();

	json_object_set_new(doc, "totals", totals);
	if (!res)
		return false;
	for (int i = 0; i < PQntuples(res); i++)
		json_object_set_new(totals, PQgetvalue(res, i, 0), measures(res, i, 1));
	PQclear(res);
	if (!(res = db_run(req->read_db, "staff_week_change", 1, params)))
		return false;
	if (PQntuples(res) == 1)
		json_object_set_new(doc, "week",
				    json_pack("{s:s, s:s, s:o, s:o}", "from", PQgetvalue(res, 0, 6), "to",
					      PQgetvalue(res, 0, 7), "this", measures(res, 0, 0), "previous",
					      measures(res, 0, 3)));
	PQclear(res);
	return true;
}

/* The changes the next refresh will count (never memoized: they grow with every write). */
static bool queued_changes(struct request *req, long long *n)
{
	PGresult *res = db_run(req->db, "staff_tally_queued", 0, NULL);

	if (!res)
		return false;
	*n = (long long)number(res, 0, 0);
	PQclear(res);
	return true;
}

static json_int_t member(json_t *o, const char *name)
{
	return json_integer_value(json_object_get(o, name));
}

/* The query string of the current filters and order, for links. */
static void filter_args(struct buf *b, const struct dash_query *q, enum lang lang)
{
	const char *names_[] = { "consultation", "from",   "to",      "stance", "version",
				 "topic",        "region", "channel", "sort",   "dir" };
	const char *values[] = { q->f.consultation, q->f.from, q->f.to,    q->f.stance, q->f.version,
				 q->topic,          q->region, q->channel, q->sort,     q->dir };

	buf_printf(b, "lang=%s", lang_code(lang));
	for (size_t i = 0; i < sizeof(names_) / sizeof(names_[0]); i++)
		if (values[i]) {
			buf_printf(b, "&amp;%s=", names_[i]);
			buf_html(b, values[i]); /* checked shapes: no character needs encoding */
		}
}

void staff_stance_bar(struct buf *b, enum lang lang, const long long n[3])
{
	static const char *const fills[] = { "#00703c", "#b00020", "#00689d" };
	long long total = n[0] + n[1] + n[2];
	double x = 0;

	buf_printf(b, "<svg class=\"split\" width=\"120\" height=\"14\" viewBox=\"0 0 120 14\" role=\"img\" "
		      "aria-label=\"");
	for (int i = 0; i < 3; i++) {
		char key[32];

		snprintf(key, sizeof(key), "stance.%s", stances[i]);
		buf_printf(b, "%s%s: %lld", i ? ", " : "", lang_tr(lang, key), n[i]);
	}
	buf_puts(b, "\">");
	for (int i = 0; i < 3 && total > 0; i++) {
		double w = 120.0 * (double)n[i] / (double)total;

		buf_printf(b, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>", x, w,
			   fills[i]);
		x += w;
	}
	if (total == 0)
		buf_puts(b, "<rect x=\"0\" y=\"0\" width=\"120\" height=\"14\" fill=\"#c9ced8\"/>");
	buf_puts(b, "</svg>");
}

/* The stance split of a row's "stances" object. */
static void stance_bar(struct buf *b, enum lang lang, json_t *by)
{
	long long n[3];

	for (int i = 0; i < 3; i++)
		n[i] = (long long)member(json_object_get(by, stances[i]), "proposals");
	staff_stance_bar(b, lang, n);
}

static void filter_form(struct buf *b, enum lang lang, const struct dash_query *q)
{
	buf_printf(b,
		   "<form method=\"get\" action=\"/staff/\" class=\"filter\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n",
		   lang_code(lang));
	/* The order asked is kept across a new filter (checked shapes: no character to escape). */
	if (q->sort)
		buf_printf(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\">\n", q->sort);
	if (q->dir)
		buf_printf(b, "<input type=\"hidden\" name=\"dir\" value=\"%s\">\n", q->dir);
	widget_input(b, "f-from", "from", lang_tr(lang, "staff.dash.from"), "date", q->f.from);
	widget_input(b, "f-to", "to", lang_tr(lang, "staff.dash.to"), "date", q->f.to);
	buf_printf(b,
		   "<div class=\"field\"><label for=\"f-stance\">%s</label><select id=\"f-stance\" "
		   "name=\"stance\"><option value=\"all\">%s</option>",
		   lang_tr(lang, "staff.dash.stance"), lang_tr(lang, "staff.dash.all"));
	for (int i = 0; i < 3; i++) {
		char key[32];

		snprintf(key, sizeof(key), "stance.%s", stances[i]);
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", stances[i],
			   q->f.stance && strcmp(q->f.stance, stances[i]) == 0 ? " selected" : "",
			   lang_tr(lang, key));
	}
	buf_puts(b, "</select></div>\n");
	widget_input(b, "f-topic", "topic", lang_tr(lang, "staff.dash.topic"), NULL, q->topic);
	widget_input(b, "f-region", "region", lang_tr(lang, "staff.search.region"), NULL, q->region);
	buf_printf(b,
		   "<div class=\"field\"><label for=\"f-channel\">%s</label><select id=\"f-channel\" "
		   "name=\"channel\"><option value=\"\">%s</option>",
		   lang_tr(lang, "staff.search.channel"), lang_tr(lang, "staff.dash.all"));
	for (int i = 0; i < 3; i++)
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", channels[i],
			   q->channel && strcmp(q->channel, channels[i]) == 0 ? " selected" : "",
			   channels[i]); /* as the staff search shows them */
	buf_puts(b, "</select></div>\n");
	widget_input(b, "f-version", "version", lang_tr(lang, "staff.dash.version"), NULL, q->f.version);
	buf_printf(b, "<p><button type=\"submit\">%s</button></p>\n</form>\n", lang_tr(lang, "list.show"));
}

static void change_cell(struct buf *b, json_t *week, const char *measure)
{
	json_int_t now = member(json_object_get(week, "this"), measure),
		   before = member(json_object_get(week, "previous"), measure);

	buf_printf(b, "<td>%lld (%+lld)</td>", (long long)now, (long long)(now - before));
}

static void totals_table(struct buf *b, enum lang lang, json_t *doc)
{
	json_t *all = json_object_get(json_object_get(doc, "totals"), "all"),
	       *week = json_object_get(doc, "week");

	buf_printf(b,
		   "<table class=\"staff\"><caption>%s</caption>\n<tr><th scope=\"col\"></th><th "
		   "scope=\"col\">%s</th>"
		   "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>\n",
		   lang_tr(lang, "staff.dash.totals"), lang_tr(lang, "staff.dash.proposals"),
		   lang_tr(lang, "staff.dash.people"), lang_tr(lang, "staff.dash.supports"));
	buf_printf(b, "<tr><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td><td>%lld</td></tr>\n",
		   lang_tr(lang, "staff.dash.period"), (long long)member(all, "proposals"),
		   (long long)member(all, "people"), (long long)member(all, "supports"));
	if (week) {
		buf_printf(b, "<tr><th scope=\"row\">%s %s – %s</th>", lang_tr(lang, "staff.dash.week"),
			   json_string_value(json_object_get(week, "from")),
			   json_string_value(json_object_get(week, "to")));
		change_cell(b, week, "proposals");
		change_cell(b, week, "people");
		change_cell(b, week, "supports");
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</table>\n");
}

/* The query of a row's links: its part's version and the filters that apply (a part's page
   takes no topic; the proposals behind a number are the published ones the tallies count). */
static void part_args(struct buf *b, json_t *doc, const struct dash_query *q, json_t *row, enum lang lang,
		      bool proposals)
{
	const char *names_[] = { "stance", "from", "to", "topic", "region", "channel" };
	const char *values[] = { q->f.stance,
				 q->f.from,
				 q->f.to,
				 proposals ? q->topic : NULL,
				 proposals ? q->region : NULL,
				 proposals ? q->channel : NULL };

	buf_printf(b, "?lang=%s&amp;consultation=", lang_code(lang));
	buf_html(b, json_string_value(json_object_get(doc, "consultation")));
	if (proposals) {
		buf_puts(b, "&amp;target=");
		buf_html(b, json_string_value(json_object_get(row, "key")));
		buf_puts(b, "&amp;status=published");
	}
	buf_printf(b, "&amp;version=%lld", (long long)member(row, "version"));
	for (size_t i = 0; i < sizeof(names_) / sizeof(names_[0]); i++)
		if (values[i]) {
			buf_printf(b, "&amp;%s=", names_[i]);
			buf_html(b, values[i]); /* checked shapes: no character needs encoding */
		}
}

/* A number of a row, linked to the proposals behind it in the staff search. */
static void linked_number(struct buf *b, json_t *doc, const struct dash_query *q, json_t *row, enum lang lang,
			  json_int_t n)
{
	buf_puts(b, "<a href=\"/staff/proposals");
	part_args(b, doc, q, row, lang, true);
	buf_printf(b, "\">%lld</a>", (long long)n);
}

/* A sortable column's header: a link to the table sorted by it, the other filters kept
   (the sorted column's link turns its direction), and aria-sort on the sorted one. */
static void sort_header(struct buf *b, enum lang lang, const struct dash_query *q, size_t column)
{
	struct dash_query next = *q;
	bool sorted = q->sort && strcmp(q->sort, sort_columns[column]) == 0, descending = sort_descending(q);

	next.sort = sort_columns[column];
	next.dir = sorted ? (descending ? "asc" : "desc") : column == 0 ? "asc" : "desc";
	buf_puts(b, "<th scope=\"col\"");
	if (sorted)
		buf_printf(b, " aria-sort=\"%s\"", descending ? "descending" : "ascending");
	buf_puts(b, "><a href=\"/staff/?");
	filter_args(b, &next, lang);
	buf_printf(b, "\">%s</a>%s</th>", lang_tr(lang, column_keys[column]),
		   !sorted      ? ""
		   : descending ? " <span aria-hidden=\"true\">▼</span>"
				: " <span aria-hidden=\"true\">▲</span>");
}

static void parts_table(struct buf *b, enum lang lang, json_t *doc, const struct dash_query *q)
{
	json_t *row;
	size_t i;

	buf_printf(b, "<table class=\"staff\"><caption>%s</caption>\n<tr>",
		   lang_tr(lang, "staff.dash.parts"));
	for (i = 0; i < SORT_COLUMNS; i++)
		sort_header(b, lang, q, i);
	buf_printf(b, "<th scope=\"col\">%s</th></tr>\n", lang_tr(lang, "staff.dash.split"));
	json_array_foreach(json_object_get(doc, "rows"), i, row)
	{
		json_t *texts = json_object_get(row, "texts");

		buf_puts(b, "<tr><th scope=\"row\"><a href=\"/staff/parts/");
		buf_html(b, json_string_value(json_object_get(row, "key")));
		part_args(b, doc, q, row, lang, false);
		buf_puts(b, "\">");
		buf_html(b, json_string_value(json_object_get(row, "label")));
		buf_puts(b, "</a></th><td>");
		linked_number(b, doc, q, row, lang, member(row, "proposals"));
		buf_puts(b, "</td><td>");
		if (texts)
			linked_number(b, doc, q, row, lang, json_integer_value(texts));
		else
			buf_puts(b, "—");
		buf_puts(b, "</td><td>");
		linked_number(b, doc, q, row, lang, member(row, "people"));
		buf_puts(b, "</td><td>");
		linked_number(b, doc, q, row, lang, member(row, "supports"));
		buf_puts(b, "</td><td>");
		if (!q->f.stance)
			stance_bar(b, lang, json_object_get(row, "stances"));
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</table>\n");
}

/* What comes before the memoized part: the title, the as-of time, the queue, the menu. */
static void render_head(struct buf *b, enum lang lang, const struct route_match *m, const char *refreshed_at,
			long long queued)
{
	page_begin(b, lang, lang_tr(lang, "staff.dash.title"));
	buf_printf(b, "<h1>%s</h1>\n<p>%s: <strong>%s</strong> · %s: <strong>%lld</strong></p>\n",
		   lang_tr(lang, "staff.dash.title"), lang_tr(lang, "staff.dash.as_of"), refreshed_at,
		   lang_tr(lang, "staff.dash.queued"), queued);
	staff_nav(b, lang, m);
}

/* The filters, the downloads, the totals and the parts: a function of the query, the
   language and the tallies alone, the piece the memo keeps. */
static void render_body(struct buf *b, enum lang lang, json_t *doc, const struct dash_query *q)
{
	filter_form(b, lang, q);
	buf_printf(b, "<p class=\"downloads\">%s: <a href=\"/staff/?", lang_tr(lang, "staff.dash.download"));
	filter_args(b, q, lang);
	buf_puts(b, "&amp;format=csv\" download>CSV</a> · <a href=\"/staff/?");
	filter_args(b, q, lang);
	buf_puts(b, "&amp;format=json\" download>JSON</a></p>\n");
	totals_table(b, lang, doc);
	parts_table(b, lang, doc, q);
	buf_printf(b, "<p class=\"hint\">%s</p>\n", lang_tr(lang, "staff.dash.people_note"));
}

/* Answers the page around its body (rendered, or from the memo). */
static void reply_page(struct request *req, enum lang lang, const struct route_match *m,
		       const char *refreshed_at, long long queued, const struct buf *body)
{
	struct buf b;

	buf_init(&b, 0);
	render_head(&b, lang, m, refreshed_at, queued);
	buf_append(&b, body->data, body->len);
	page_end(&b);
	reply_html(req, 200, &b);
	buf_free(&b);
}

static void render_csv(struct buf *out, json_t *doc)
{
	json_t *row;
	size_t i;

	buf_puts(out, "key,label,version,proposals,texts,people,supports,support,oppose,amend\r\n");
	json_array_foreach(json_object_get(doc, "rows"), i, row)
	{
		json_t *by = json_object_get(row, "stances"), *texts = json_object_get(row, "texts");
		char n[24];

		csv_put(out, json_string_value(json_object_get(row, "key")), true);
		csv_put(out, json_string_value(json_object_get(row, "label")), false);
		snprintf(n, sizeof(n), "%lld", (long long)member(row, "version"));
		csv_put(out, n, false);
		snprintf(n, sizeof(n), "%lld", (long long)member(row, "proposals"));
		csv_put(out, n, false);
		snprintf(n, sizeof(n), "%lld", texts ? (long long)json_integer_value(texts) : 0);
		csv_put(out, texts ? n : "", false);
		snprintf(n, sizeof(n), "%lld", (long long)member(row, "people"));
		csv_put(out, n, false);
		snprintf(n, sizeof(n), "%lld", (long long)member(row, "supports"));
		csv_put(out, n, false);
		for (int k = 0; k < 3; k++) {
			json_t *s = json_object_get(by, stances[k]);

			snprintf(n, sizeof(n), "%lld", (long long)member(s, "proposals"));
			csv_put(out, s ? n : "", false);
		}
		buf_puts(out, "\r\n");
	}
}

static void reply_csv(struct request *req, const struct buf *csv)
{
	req->status = 200;
	req->out_type = "text/csv; charset=utf-8";
	buf_reset(&req->out);
	buf_append(&req->out, csv->data, csv->len);
	reply_header(req, "Content-Disposition", "attachment; filename=\"kenes-dashboard.csv\"");
}

/* The rows of the parts, from the API's own statements (of one topic: tally_part_topic), or
   of one region or channel: staff_part_located, the same rows from their cells. */
static PGresult *part_result(struct request *req, const char *cid, const struct dash_query *q)
{
	const char *params[9] = { cid,          q->f.from, q->f.to,    q->f.stance, NULL,
				  q->f.version, q->region, q->channel, NULL };

	if (q->region || q->channel)
		return db_run(req->read_db, "staff_part_located", 9, params);
	return db_run(req->read_db, q->topic ? "tally_part_topic" : "tally_part", 6, params);
}

/* The dashboard's figures as the JSON download gives them (without the queue); NULL when a
   statement failed, answered. */
static json_t *dashboard_doc(struct request *req, const PGresult *meta, const struct dash_query *q,
			     enum lang lang)
{
	const char *cid = PQgetvalue(meta, 0, 0);
	PGresult *res;
	json_t *doc;

	if (!(res = part_result(req, cid, q))) {
		reply_db_failure(req, req->read_db, "the dashboard's parts");
		return NULL;
	}
	doc = json_pack("{s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:o}", "consultation",
			PQgetvalue(meta, 0, 1), "refreshed_at", PQgetvalue(meta, 0, 4), "from", q->f.from,
			"to", q->f.to, "stance", q->f.stance, "topic", q->topic, "region", q->region,
			"channel", q->channel, "version", q->f.version, "rows",
			part_rows(res, q,
				  lang == LANG_KK   ? 1
				  : lang == LANG_RU ? 2
						    : 3));
	PQclear(res);
	if (!add_texts(req, doc, cid, q) || !add_totals(req, doc, cid, q)) {
		reply_db_failure(req, req->read_db, "the dashboard's totals");
		json_decref(doc);
		return NULL;
	}
	sort_rows(json_object_get(doc, "rows"), q);
	if (q->sort)
		json_object_set_new(doc, "sort",
				    json_pack("{s:s, s:s}", "column", q->sort, "dir",
					      sort_descending(q) ? "desc" : "asc"));
	return doc;
}

/*
 * The HTML page and its CSV are made from the tallies alone, so each is kept in the memo
 * (fcgi/memo.h) under its language and query for as long as the tallies' refresh and today's
 * date (tally_meta's last column) are the same; the queue is counted on every request.
 */
void staff_dashboard(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	struct dash_query q = { 0 };
	PGresult *meta = NULL;
	json_t *doc = NULL;
	const char *params[3];
	struct buf key, piece;
	long long queued;
	bool csv, json;

	buf_init(&key, 0);
	buf_init(&piece, 0);
	if (!form_parse(req->query, strlen(req->query), &f) || !parse_query(&f, &q)) {
		handler_message_page(req, 422, lang, "staff.dash.title", "staff.dash.bad_filter");
		goto out;
	}
	/* The tallies cut the parts by one of topic, region and channel, never two at once. */
	if (!!q.topic + !!q.region + !!q.channel > 1) {
		handler_message_page(req, 422, lang, "staff.dash.title", "staff.dash.one_cut");
		goto out;
	}
	params[0] = q.f.consultation;
	params[1] = q.f.from;
	params[2] = q.f.to;
	if (!(meta = db_run(req->read_db, "tally_meta", 3, params))) {
		reply_db_failure(req, req->read_db, "reading the tallies' state");
		goto out;
	}
	if (strcmp(PQgetvalue(meta, 0, 2), "1") != 0 || PQgetisnull(meta, 0, 4)) {
		handler_message_page(req, strcmp(PQgetvalue(meta, 0, 2), "1") != 0 ? 404 : 503, lang,
				     "staff.dash.title",
				     strcmp(PQgetvalue(meta, 0, 2), "1") != 0 ? "none.consultation"
									      : "staff.dash.not_ready");
		goto out;
	}
	csv = q.format && strcmp(q.format, "csv") == 0;
	json = q.format && !csv;
	buf_printf(&key, "dashboard|%s|%s", lang_code(lang), req->query);
	if (json || !memo_get(key.data, PQgetvalue(meta, 0, 7), &piece)) {
		if (!(doc = dashboard_doc(req, meta, &q, lang)))
			goto out;
		if (json) {
			if (!queued_changes(req, &queued)) {
				reply_db_failure(req, req->db, "the dashboard's queue");
				goto out;
			}
			json_object_set_new(doc, "queued_changes", json_integer(queued));
			reply_json(req, 200, json_incref(doc));
			goto out;
		}
		if (csv)
			render_csv(&piece, doc);
		else
			render_body(&piece, lang, doc, &q);
		memo_put(key.data, PQgetvalue(meta, 0, 7), piece.data, piece.len);
	}
	if (csv)
		reply_csv(req, &piece);
	else if (!queued_changes(req, &queued))
		reply_db_failure(req, req->db, "the dashboard's queue");
	else
		reply_page(req, lang, m, PQgetvalue(meta, 0, 4), queued, &piece);
out:
	buf_free(&piece);
	buf_free(&key);
	json_decref(doc);
	PQclear(meta);
	form_free(&f);
}
