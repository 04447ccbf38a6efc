#include "staff_reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "handlers.h"
#include "outcome.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "reports.h"
#include "staff_pages.h"
#include "staff_session.h"
#include "text.h"
#include "util.h"
#include "widget.h"

#define WEEKS_SHOWN 60  /* weekly reports on the page: more than a year */
#define TITLE_MAX   300 /* characters, as kenes.commission_session allows */
#define RENDERINGS  10  /* html, csv, md x kk, ru, en, and one JSON (aggregator/report.c) */
#define URL_MAX     160

/* Columns of staff_report_sessions.sql. */
enum { S_NUMBER, S_DATE, S_TITLE, S_FROM, S_TO, S_REPORT, S_ISSUED, S_CUT_OFF, S_REQUESTED, S_DUE };

void staff_message_page(struct request *req, int status, enum lang lang, const struct route_match *m,
			const char *title_key, const char *text_key)
{
	struct buf html;

	staff_page_begin(&html, lang, m, title_key);
	buf_printf(&html, "<p>%s</p>\n<p><a href=\"/staff/reports?lang=%s\">%s</a></p>\n",
		   lang_tr(lang, text_key), lang_code(lang), lang_tr(lang, "staff.reports.title"));
	page_end(&html);
	reply_html(req, status, &html);
	buf_free(&html);
}

/* The consultation of ?consultation= (or the only one), as the dashboard chooses it. */
struct chosen {
	PGresult *meta;
	const char *id, *slug, *time_zone;
};

static bool chosen_or_reply(struct request *req, enum lang lang, const struct route_match *m,
			    struct chosen *c)
{
	char slug[64] = "";
	const char *params[3] = { NULL, NULL, NULL };

	memset(c, 0, sizeof(*c));
	if (request_query_param(req, "consultation", slug, sizeof(slug)) && *slug) {
		if (!params_slug_valid(slug)) {
			staff_message_page(req, 404, lang, m, "staff.reports.title", "none.consultation");
			return false;
		}
		params[0] = slug;
	}
	if (!(c->meta = db_run(req->db, "tally_meta", 3, params))) {
		reply_db_failure(req, req->db, "choosing the consultation");
		return false;
	}
	if (strcmp(PQgetvalue(c->meta, 0, 2), "1") != 0) {
		staff_message_page(req, 404, lang, m, "staff.reports.title", "none.consultation");
		return false;
	}
	if (PQgetisnull(c->meta, 0, 3)) {
		staff_message_page(req, 503, lang, m, "staff.reports.title", "staff.dash.not_ready");
		return false;
	}
	c->id = PQgetvalue(c->meta, 0, 0);
	c->slug = PQgetvalue(c->meta, 0, 1);
	c->time_zone = PQgetvalue(c->meta, 0, 3);
	return true;
}

/* "/staff/reports?lang=xx&consultation=slug" (a slug is letters, digits and '-'). */
static void reports_url(char *out, size_t n, enum lang lang, const struct chosen *c)
{
	snprintf(out, n, "/staff/reports?lang=%s&consultation=%s", lang_code(lang), c->slug);
}

/* The stored renderings of report `id`, each a download with its SHA-256. */
static void downloads(struct buf *b, enum lang lang, const PGresult *outputs, const char *id,
		      const struct chosen *c)
{
	int shown = 0;

	buf_printf(b, "<details><summary>%s</summary>\n", lang_tr(lang, "staff.reports.downloads"));
	widget_table_head(b, "staff wrap downloads",
			  (const char *[]){ lang_tr(lang, "staff.reports.rendering"), "SHA-256",
					    lang_tr(lang, "staff.reports.bytes"), NULL });
	buf_puts(b, "<tbody>\n");
	for (int i = 0; i < PQntuples(outputs); i++) {
		const char *format = PQgetvalue(outputs, i, 1), *l = PQgetvalue(outputs, i, 2);

		if (strcmp(PQgetvalue(outputs, i, 0), id) != 0)
			continue;
		shown++;
		buf_printf(b,
			   "<tr><td><a href=\"/staff/reports/%s?format=%s&amp;lang=%s&amp;consultation=%s\" "
			   "download>%s · %s</a></td><td><code "
			   "class=\"sha256\">%s</code></td><td>%s</td></tr>\n",
			   id, format, strcmp(l, "mul") == 0 ? "ru" : l, c->slug, format,
			   strcmp(l, "mul") == 0 ? "kk/ru/en" : l, PQgetvalue(outputs, i, 3),
			   PQgetvalue(outputs, i, 4));
	}
	buf_puts(b, "</tbody></table></details>\n");
	if (shown == 0)
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "staff.reports.no_renderings"));
}

/* A session's state: issued (frozen), requested, or a draft (issue it). */
static void session_state(struct buf *b, enum lang lang, const struct route_match *m, const PGresult *s,
			  int i, const struct chosen *c)
{
	if (!PQgetisnull(s, i, S_REPORT)) {
		buf_printf(b, "<strong class=\"issued\">%s</strong> %s · %s %s\n",
			   lang_tr(lang, "staff.reports.issued"), PQgetvalue(s, i, S_ISSUED),
			   lang_tr(lang, "staff.reports.cut_off"), PQgetvalue(s, i, S_CUT_OFF));
	} else if (!PQgetisnull(s, i, S_REQUESTED)) {
		buf_printf(b, "<strong>%s</strong> %s. %s\n", lang_tr(lang, "staff.reports.requested"),
			   PQgetvalue(s, i, S_REQUESTED), lang_tr(lang, "staff.reports.requested_note"));
	} else if (strcmp(PQgetvalue(s, i, S_DUE), "t") == 0) {
		buf_printf(b,
			   "<strong>%s</strong>\n<form method=\"post\" "
			   "action=\"/staff/reports/sessions/%s/issue?lang=%s&amp;consultation=%s\">\n",
			   lang_tr(lang, "staff.reports.draft"), PQgetvalue(s, i, S_NUMBER), lang_code(lang),
			   c->slug);
		staff_csrf_field(b, m);
		buf_printf(b, "<button type=\"submit\">%s</button></form>\n",
			   lang_tr(lang, "staff.reports.issue"));
	} else {
		buf_printf(b, "<strong>%s</strong> %s\n", lang_tr(lang, "staff.reports.draft"),
			   lang_tr(lang, "staff.reports.not_over"));
	}
}

static void sessions_table(struct buf *b, enum lang lang, const struct route_match *m, const PGresult *s,
			   const PGresult *outputs, const struct chosen *c)
{
	buf_printf(b, "<h2>%s</h2>\n", lang_tr(lang, "staff.reports.sessions"));
	if (PQntuples(s) == 0) {
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "staff.reports.no_sessions"));
		return;
	}
	widget_table_head(b, "staff wrap sessions",
			  (const char *[]){ "№", lang_tr(lang, "staff.reports.date"),
					    lang_tr(lang, "staff.reports.session_title"),
					    lang_tr(lang, "staff.reports.period"),
					    lang_tr(lang, "staff.reports.report"), NULL });
	buf_puts(b, "\n");
	for (int i = 0; i < PQntuples(s); i++) {
		/* A row group per session: its row, then its downloads across the whole table. */
		buf_printf(b, "<tbody id=\"session-%s\"><tr><th scope=\"row\">%s</th><td>%s</td><td>",
			   PQgetvalue(s, i, S_NUMBER), PQgetvalue(s, i, S_NUMBER), PQgetvalue(s, i, S_DATE));
		buf_html(b, PQgetvalue(s, i, S_TITLE));
		buf_printf(b, "</td><td>%s – %s</td><td>", PQgetvalue(s, i, S_FROM), PQgetvalue(s, i, S_TO));
		session_state(b, lang, m, s, i, c);
		buf_puts(b, "</td></tr>\n");
		if (!PQgetisnull(s, i, S_REPORT)) {
			buf_puts(b, "<tr><td colspan=\"5\">");
			downloads(b, lang, outputs, PQgetvalue(s, i, S_REPORT), c);
			buf_puts(b, "</td></tr>\n");
		}
		buf_puts(b, "</tbody>\n");
	}
	buf_puts(b, "</table>\n");
}

static void add_form(struct buf *b, enum lang lang, const struct route_match *m, const PGresult *s,
		     const struct chosen *c)
{
	long next = PQntuples(s) > 0 ? strtol(PQgetvalue(s, 0, S_NUMBER), NULL, 10) + 1 : 1;

	buf_printf(b,
		   "<h2>%s</h2>\n<p>%s</p>\n<form method=\"post\" "
		   "action=\"/staff/reports/sessions?lang=%s&amp;consultation=%s\" class=\"filter\">\n",
		   lang_tr(lang, "staff.reports.add"), lang_tr(lang, "staff.reports.add_note"),
		   lang_code(lang), c->slug);
	staff_csrf_field(b, m);
	buf_printf(
		b,
		"<div class=\"field\"><label for=\"f-number\">%s</label><input id=\"f-number\" "
		"name=\"number\" "
		"inputmode=\"numeric\" required size=\"6\" value=\"%ld\"></div>\n"
		"<div class=\"field\"><label for=\"f-date\">%s</label><input id=\"f-date\" name=\"date\" "
		"type=\"date\" required></div>\n"
		"<div class=\"field\"><label for=\"f-title\">%s</label><input id=\"f-title\" name=\"title\" "
		"required maxlength=\"%d\" size=\"40\"></div>\n"
		"<p><button type=\"submit\">%s</button></p>\n</form>\n",
		lang_tr(lang, "staff.reports.number"), next, lang_tr(lang, "staff.reports.date"),
		lang_tr(lang, "staff.reports.session_title"), TITLE_MAX,
		lang_tr(lang, "staff.reports.add_button"));
}

static void weeks_table(struct buf *b, enum lang lang, const PGresult *w, const PGresult *outputs,
			const struct chosen *c)
{
	buf_printf(b, "<h2>%s</h2>\n<p>%s</p>\n", lang_tr(lang, "staff.reports.weeks"),
		   lang_tr(lang, "staff.reports.weeks_note"));
	if (PQntuples(w) == 0) {
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "staff.reports.no_weeks"));
		return;
	}
	widget_table_head(b, "staff wrap weeks",
			  (const char *[]){ lang_tr(lang, "staff.reports.week"),
					    lang_tr(lang, "staff.reports.period"),
					    lang_tr(lang, "staff.reports.report"), NULL });
	buf_puts(b, "\n");
	for (int i = 0; i < PQntuples(w); i++) {
		buf_printf(b,
			   "<tbody id=\"week-%s\"><tr><th scope=\"row\">%s</th><td>%s – %s</td><td><strong "
			   "class=\"issued\">%s</strong> %s · %s %s\n",
			   PQgetvalue(w, i, 1), PQgetvalue(w, i, 1), PQgetvalue(w, i, 2), PQgetvalue(w, i, 3),
			   lang_tr(lang, "staff.reports.issued"), PQgetvalue(w, i, 4),
			   lang_tr(lang, "staff.reports.cut_off"), PQgetvalue(w, i, 5));
		buf_puts(b, "</td></tr>\n<tr><td colspan=\"3\">");
		downloads(b, lang, outputs, PQgetvalue(w, i, 0), c);
		buf_puts(b, "</td></tr></tbody>\n");
	}
	buf_puts(b, "</table>\n");
}

void staff_reports_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct chosen c;
	PGresult *sessions = NULL, *weeks = NULL, *outputs = NULL;
	char limit[8];
	struct buf html;

	if (!chosen_or_reply(req, lang, m, &c))
		goto out;
	snprintf(limit, sizeof(limit), "%d", WEEKS_SHOWN);
	if (!(sessions =
		      db_run(req->db, "staff_report_sessions", 2, (const char *[]){ c.id, c.time_zone })) ||
	    !(weeks = db_run(req->db, "staff_report_weeks", 2, (const char *[]){ c.id, limit })) ||
	    !(outputs = db_run(req->db, "staff_report_outputs", 1, (const char *[]){ c.id }))) {
		reply_db_failure(req, req->db, "listing the reports");
		goto out;
	}
	staff_page_begin(&html, lang, m, "staff.reports.title");
	buf_printf(&html, "<p>%s: <strong>", lang_tr(lang, "field.consultation"));
	buf_html(&html, c.slug);
	buf_printf(&html, "</strong>. %s</p>\n", lang_tr(lang, "staff.reports.intro"));
	sessions_table(&html, lang, m, sessions, outputs, &c);
	add_form(&html, lang, m, sessions, &c);
	weeks_table(&html, lang, weeks, outputs, &c);
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
out:
	PQclear(outputs);
	PQclear(weeks);
	PQclear(sessions);
	PQclear(c.meta);
}

/* A refusal of the database's (an outcome's code) as a page. */
static void refused(struct request *req, enum lang lang, const struct route_match *m, const struct outcome *o)
{
	static const struct {
		const char *code, *key;
		int status;
	} pages[] = {
		{ "invalid_session", "staff.signed_out", 401 },
		{ "forbidden", "staff.forbidden", 403 },
		{ "session_exists", "staff.reports.exists", 409 },
		{ "out_of_order", "staff.reports.order", 422 },
		{ "invalid_title", "staff.reports.invalid", 422 },
		{ "no_session", "staff.reports.no_session", 404 },
		{ "not_over", "staff.reports.not_over", 422 },
	};

	for (size_t i = 0; i < ARRAY_LEN(pages); i++)
		if (strcmp(o->code, pages[i].code) == 0) {
			staff_message_page(req, pages[i].status, lang, m, "staff.reports.refused",
					   pages[i].key);
			return;
		}
	staff_message_page(req, o->status >= 400 ? o->status : 500, lang, m, "staff.reports.refused",
			   "staff.reports.invalid");
}

/*
 * Runs `statement`, whose first parameter is the session's (the SHA-256 of its cookie), with
 * `rest` after it; under the single sign-on, `sso_statement` instead, with the trusted subject
 * and role in place of the session, so that the audit log names the SSO subject (migration
 * 035). `rest` holds at most 6 parameters. False when outcome_run answered (5xx).
 */
static bool run_as_actor(struct request *req, const struct route_match *m, const char *statement,
			 const char *sso_statement, int n, const char *const *rest, const char *what,
			 struct outcome *o)
{
	const char *params[8];
	bool sso = staff_session_is_sso(req);
	int first = sso ? 2 : 1;

	params[0] = sso ? req->trusted_subject : m->token_hash;
	params[1] = req->trusted_role;
	memcpy(params + first, rest, (size_t)n * sizeof(*rest));
	return outcome_run(req, sso ? sso_statement : statement, n + first, params, what, o);
}

static bool title_ok(const char *t)
{
	size_t chars = 0;

	for (const char *p = t; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	return chars >= 1 && chars <= TITLE_MAX && text_is_clean_line(t, strlen(t));
}

void staff_reports_add(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	const struct form_field *number, *date, *title;
	struct chosen c = { 0 };
	struct outcome o = { 0 };
	char url[URL_MAX];
	long n;

	if (!form_parse(req->body ? req->body : "", req->body_len, &f)) {
		staff_message_page(req, 422, lang, m, "staff.reports.refused", "staff.reports.invalid");
		goto out;
	}
	number = form_get(&f, "number");
	date = form_get(&f, "date");
	title = form_get(&f, "title");
	if (!chosen_or_reply(req, lang, m, &c))
		goto out;
	reports_url(url, sizeof(url), lang, &c);
	if (!number && !date && !title) { /* nothing asked for (an empty form): back to the list */
		reply_redirect(req, 303, url);
		goto out;
	}
	if (!number || !date || !title || number->value[0] == '0' ||
	    !parse_long(number->value, 1, 2147483647L, &n) || !text_is_date_shaped(date->value) ||
	    !title_ok(title->value)) {
		staff_message_page(req, 422, lang, m, "staff.reports.refused", "staff.reports.invalid");
		goto out;
	}
	if (!run_as_actor(
		    req, m, "staff_session_add", "staff_sso_session_add", 5,
		    (const char *[]){ c.id, number->value, date->value, title->value, req->remote_addr },
		    "adding a Commission session", &o))
		goto out;
	if (o.status == 201) {
		size_t len = strlen(url);

		snprintf(url + len, sizeof(url) - len, "#session-%ld", n);
		reply_redirect(req, 303, url);
	} else {
		refused(req, lang, m, &o);
	}
out:
	outcome_free(&o);
	PQclear(c.meta);
	form_free(&f);
}

/* The confirmation: the session, its period and what its report will freeze. */
static void confirm_issue(struct request *req, enum lang lang, const struct route_match *m,
			  const struct chosen *c, const PGresult *s, int i)
{
	const char *from = PQgetvalue(s, i, S_FROM), *to = PQgetvalue(s, i, S_TO);
	PGresult *totals = db_run(req->db, "staff_totals", 3, (const char *[]){ c->id, from, to });
	PGresult *positions =
		totals ? db_run(req->db, "staff_report_positions", 1, (const char *[]){ c->id }) : NULL;
	struct buf html;

	if (!totals || !positions) {
		reply_db_failure(req, req->db, "counting what a report will freeze");
		goto out;
	}
	staff_page_begin(&html, lang, m, "staff.confirm.title");
	buf_printf(&html, "<p>%s %s (%s): <strong>", lang_tr(lang, "staff.reports.issue_of"),
		   PQgetvalue(s, i, S_NUMBER), PQgetvalue(s, i, S_DATE));
	buf_html(&html, PQgetvalue(s, i, S_TITLE));
	buf_printf(&html, "</strong>. %s: %s – %s.</p>\n<p>%s</p>\n<ul class=\"frozen\">\n",
		   lang_tr(lang, "staff.reports.period"), from, to,
		   lang_tr(lang, "staff.reports.will_freeze"));
	/* staff_totals' first row is the 'all' stance: the period's proposals, people, supports. */
	buf_printf(&html,
		   "<li>%s: <strong>%s</strong></li>\n<li>%s: <strong>%s</strong></li>\n"
		   "<li>%s: <strong>%s</strong></li>\n<li>%s: <strong>%s</strong></li>\n"
		   "<li>%s: <strong>%d</strong></li>\n</ul>\n",
		   lang_tr(lang, "staff.dash.proposals"), PQntuples(totals) ? PQgetvalue(totals, 0, 1) : "0",
		   lang_tr(lang, "staff.dash.people"), PQntuples(totals) ? PQgetvalue(totals, 0, 2) : "0",
		   lang_tr(lang, "staff.dash.supports"), PQntuples(totals) ? PQgetvalue(totals, 0, 3) : "0",
		   lang_tr(lang, "staff.reports.positions"), PQgetvalue(positions, 0, 0),
		   lang_tr(lang, "staff.reports.renderings"), RENDERINGS);
	buf_printf(&html,
		   "<p>%s</p>\n<form method=\"post\" "
		   "action=\"/staff/reports/sessions/%s/issue?lang=%s&amp;consultation=%s\">\n",
		   lang_tr(lang, "staff.reports.issue_note"), PQgetvalue(s, i, S_NUMBER), lang_code(lang),
		   c->slug);
	staff_csrf_field(&html, m);
	buf_printf(&html,
		   "<button type=\"submit\" name=\"confirm\" value=\"yes\">%s</button>\n</form>\n"
		   "<p><a href=\"/staff/reports?lang=%s&amp;consultation=%s\">%s</a></p>\n",
		   lang_tr(lang, "staff.confirm.button"), lang_code(lang), c->slug,
		   lang_tr(lang, "staff.confirm.cancel"));
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
out:
	PQclear(positions);
	PQclear(totals);
}

void staff_reports_issue(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	const struct form_field *confirm;
	struct chosen c = { 0 };
	struct outcome o = { 0 };
	PGresult *s = NULL;
	char url[URL_MAX];
	int row = -1;

	if (!form_parse(req->body ? req->body : "", req->body_len, &f)) {
		staff_message_page(req, 422, lang, m, "staff.reports.refused", "staff.reports.invalid");
		goto out;
	}
	if (!chosen_or_reply(req, lang, m, &c))
		goto out;
	reports_url(url, sizeof(url), lang, &c);
	confirm = form_get(&f, "confirm");
	if (confirm && strcmp(confirm->value, "yes") == 0) {
		if (!run_as_actor(req, m, "staff_report_request", "staff_sso_report_request", 3,
				  (const char *[]){ c.id, m->id, req->remote_addr }, "asking for a report",
				  &o))
			goto out;
		if (o.status == 202 || strcmp(o.code, "issued") == 0) {
			size_t len = strlen(url);

			snprintf(url + len, sizeof(url) - len, "#session-%s", m->id);
			reply_redirect(req, 303, url);
		} else {
			refused(req, lang, m, &o);
		}
		goto out;
	}
	if (!(s = db_run(req->db, "staff_report_sessions", 2, (const char *[]){ c.id, c.time_zone }))) {
		reply_db_failure(req, req->db, "reading the session");
		goto out;
	}
	for (int i = 0; i < PQntuples(s); i++)
		if (strcmp(PQgetvalue(s, i, S_NUMBER), m->id) == 0)
			row = i;
	if (row < 0)
		staff_message_page(req, 404, lang, m, "staff.reports.refused", "staff.reports.no_session");
	else if (!PQgetisnull(s, row, S_REPORT) || !PQgetisnull(s, row, S_REQUESTED))
		reply_redirect(req, 303, url); /* issued or asked for already: the list says which */
	else if (strcmp(PQgetvalue(s, row, S_DUE), "t") != 0)
		staff_message_page(req, 422, lang, m, "staff.reports.refused", "staff.reports.not_over");
	else
		confirm_issue(req, lang, m, &c, s, row);
out:
	PQclear(s);
	outcome_free(&o);
	PQclear(c.meta);
	form_free(&f);
}

void staff_reports_download(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL), want = LANG_RU;
	char format[8] = "html", l[8];
	const char *stored_lang;
	PGresult *res = NULL;

	if ((request_query_param(req, "format", format, sizeof(format)) && !reports_format_known(format)) ||
	    (request_query_param(req, "lang", l, sizeof(l)) && !lang_parse(l, &want))) {
		staff_message_page(req, 422, lang, m, "staff.reports.refused", "staff.reports.bad_download");
		goto out;
	}
	if (!reports_format_known(format))
		snprintf(format, sizeof(format), "html");
	stored_lang = strcmp(format, "json") == 0 ? "mul" : lang_code(want);
	if (!(res = db_run(req->db, "staff_report_output", 3,
			   (const char *[]){ m->id, format, stored_lang }))) {
		reply_db_failure(req, req->db, "reading a report");
		goto out;
	}
	if (PQntuples(res) == 0) {
		staff_message_page(req, 404, lang, m, "staff.reports.refused", "staff.reports.no_report");
		goto out;
	}
	/* Always an attachment: a download, whatever the format (the API shows JSON in place). */
	reports_send(req, res, format, stored_lang, PQgetvalue(res, 0, 5), false, true);
out:
	PQclear(res);
}
