#include "staff_audit.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "log.h"
#include "page.h"
#include "reply.h"
#include "sink.h"
#include "staff_pages.h"
#include "staff_reports.h"
#include "text.h"
#include "util.h"

#define PAGE_SIZE   100
#define FLUSH_BYTES 65536 /* a streamed CSV is sent in pieces of about this size */
#define ALL_ROWS    "2147483647"

/* The two logs: their statement, CSV header (the statement's columns) and the columns shown. */
static const struct audit_log {
	const char *name, *statement, *const *columns;
	int ncolumns;
	const int *shown; /* column indexes on the page, -1 ended */
	int proposal;     /* the column that is a proposal id (linked to its history), or -1 */
} logs[] = {
	{ "staff", "staff_audit_list",
	  (const char *const[]){ "id", "at", "event", "token_id", "actor", "role", "address", "detail",
				 "sso_subject" },
	  9, (const int[]){ 0, 1, 2, 4, 5, 6, 7, -1 }, -1 },
	{ "moderation", "moderation_log",
	  (const char *const[]){ "id", "at", "token_id", "actor", "role", "action", "proposal_id",
				 "campaign_id", "duplicate_of", "flag_id", "decision", "affected", "reason",
				 "sso_subject" },
	  14, (const int[]){ 0, 1, 3, 4, 5, 6, 7, 11, 12, -1 }, 6 },
};

struct audit_query {
	const struct audit_log *log;
	const char *from, *to, *after;
	bool csv;
};

static bool parse(const struct form *f, struct audit_query *q)
{
	const struct form_field *v;
	long n;

	memset(q, 0, sizeof(*q));
	q->log = &logs[0];
	if ((v = form_get(f, "log")) && *v->value) {
		q->log = NULL;
		for (size_t i = 0; i < ARRAY_LEN(logs); i++)
			if (strcmp(v->value, logs[i].name) == 0)
				q->log = &logs[i];
	}
	q->from = form_value(f, "from");
	q->to = form_value(f, "to");
	q->after = form_value(f, "after");
	q->csv = (v = form_get(f, "format")) && strcmp(v->value, "csv") == 0;
	return q->log && (!q->from || text_is_date_shaped(q->from)) &&
	       (!q->to || text_is_date_shaped(q->to)) &&
	       (!q->after || (q->after[0] != '0' && parse_long(q->after, 1, 999999999999999999L, &n))) &&
	       (!(v = form_get(f, "format")) || q->csv || strcmp(v->value, "html") == 0);
}

struct csv_stream {
	struct request *req;
	struct sink sink;
};

static bool csv_row(const PGresult *row, void *arg)
{
	struct csv_stream *st = arg;

	for (int j = 0; j < PQnfields(row); j++)
		csv_field(&st->sink, PQgetisnull(row, 0, j) ? "" : PQgetvalue(row, 0, j), j == 0);
	csv_end_row(&st->sink);
	if (st->req->out.len >= FLUSH_BYTES)
		reply_stream_flush(st->req);
	return true;
}

/* The whole selection as CSV, streamed. */
static void export_csv(struct request *req, const struct audit_query *q)
{
	struct csv_stream st = { .req = req };
	const char *params[4] = { q->from, q->to, q->after ? q->after : "0", ALL_ROWS };
	char disposition[80];

	reply_stream_begin(req, 200, "text/csv; charset=utf-8");
	snprintf(disposition, sizeof(disposition), "attachment; filename=\"kenes-%s-log.csv\"", q->log->name);
	reply_header(req, "Content-Disposition", disposition);
	sink_to_buf(&st.sink, &req->out);
	for (int j = 0; j < q->log->ncolumns; j++)
		csv_field(&st.sink, q->log->columns[j], j == 0);
	csv_end_row(&st.sink);
	if (db_each_row(req->db, q->log->statement, 4, params, csv_row, &st)) {
		reply_stream_flush(req);
		return;
	}
	if (!req->sent) { /* nothing sent yet: a proper error instead */
		req->streaming = false;
		reply_db_failure(req, req->db, "exporting the audit log");
	} else {
		log_error("exporting the %s log failed after part of it was sent: %s", q->log->name,
			  db_last_error(req->db)->message);
	}
}

static void filter_form(struct buf *b, enum lang lang, const struct audit_query *q)
{
	buf_printf(b,
		   "<form method=\"get\" action=\"/staff/audit\" class=\"filter\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n"
		   "<div class=\"field\"><label for=\"f-log\">%s</label><select id=\"f-log\" name=\"log\">",
		   lang_code(lang), lang_tr(lang, "staff.audit.log"));
	for (size_t i = 0; i < ARRAY_LEN(logs); i++) {
		char key[40];

		snprintf(key, sizeof(key), "staff.audit.log.%s", logs[i].name);
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", logs[i].name,
			   q->log == &logs[i] ? " selected" : "", lang_tr(lang, key));
	}
	buf_printf(
		b,
		"</select></div>\n<div class=\"field\"><label for=\"f-from\">%s</label><input id=\"f-from\" "
		"name=\"from\" type=\"date\" value=\"%s\"></div>\n<div class=\"field\"><label "
		"for=\"f-to\">%s</label>"
		"<input id=\"f-to\" name=\"to\" type=\"date\" value=\"%s\"></div>\n<p><button "
		"type=\"submit\">%s"
		"</button></p>\n</form>\n",
		lang_tr(lang, "staff.dash.from"), q->from ? q->from : "", lang_tr(lang, "staff.dash.to"),
		q->to ? q->to : "", lang_tr(lang, "staff.search.button"));
}

/* "log=…&from=…&to=…" of the query, for links (dates and names are plain ASCII, checked). */
/* The query's pairs as a link's query string (checked values: nothing needs encoding). */
static void query_tail(struct buf *b, const struct audit_query *q)
{
	buf_printf(b, "&log=%s", q->log->name);
	if (q->from)
		buf_printf(b, "&from=%s", q->from);
	if (q->to)
		buf_printf(b, "&to=%s", q->to);
}

static void entries(struct buf *b, enum lang lang, const struct audit_query *q, const PGresult *res,
		    const char *tail)
{
	int shown = PQntuples(res) > PAGE_SIZE ? PAGE_SIZE : PQntuples(res);

	if (shown == 0) {
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "staff.audit.none"));
		return;
	}
	buf_puts(b, "<table class=\"staff wrap audit\"><thead><tr>");
	for (const int *c = q->log->shown; *c >= 0; c++)
		buf_printf(b, "<th scope=\"col\">%s</th>", q->log->columns[*c]);
	buf_puts(b, "</tr></thead><tbody>\n");
	for (int i = 0; i < shown; i++) {
		buf_puts(b, "<tr>");
		for (const int *c = q->log->shown; *c >= 0; c++) {
			buf_puts(b, "<td>");
			if (*c == q->log->proposal && !PQgetisnull(res, i, *c))
				buf_printf(b, "<a href=\"/staff/proposals/%s?lang=%s\">%s</a>",
					   PQgetvalue(res, i, *c), lang_code(lang), PQgetvalue(res, i, *c));
			else
				buf_html(b, PQgetvalue(res, i, *c));
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
	if (PQntuples(res) > PAGE_SIZE)
		staff_next_link(b, lang, "/staff/audit", tail, PQgetvalue(res, shown - 1, 0));
}

void staff_audit_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	struct audit_query q;
	PGresult *res = NULL;
	char limit[8];
	struct buf html, tail;

	if (!form_parse(req->query, strlen(req->query), &f) || !parse(&f, &q)) {
		staff_message_page(req, 422, lang, m, "staff.audit.title", "staff.dash.bad_filter");
		goto out;
	}
	if (q.csv) {
		export_csv(req, &q);
		goto out;
	}
	snprintf(limit, sizeof(limit), "%d", PAGE_SIZE + 1);
	if (!(res = db_run(req->db, q.log->statement, 4,
			   (const char *[]){ q.from, q.to, q.after ? q.after : "0", limit }))) {
		reply_db_failure(req, req->db, "reading the audit log");
		goto out;
	}
	staff_page_begin(&html, lang, m, "staff.audit.title");
	buf_printf(&html, "<p>%s</p>\n", lang_tr(lang, "staff.audit.intro"));
	filter_form(&html, lang, &q);
	buf_init(&tail, 0);
	query_tail(&tail, &q);
	staff_download_link(&html, lang, "/staff/audit", tail.data);
	entries(&html, lang, &q, res, tail.data);
	buf_free(&tail);
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
out:
	PQclear(res);
	form_free(&f);
}
