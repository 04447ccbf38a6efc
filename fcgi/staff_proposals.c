#include "staff_proposals.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "csv.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "settings.h"
#include "log.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "sink.h"
#include "staff_moderation.h"
#include "staff_session.h"
#include "staff_pages.h"
#include "staff_positions.h"
#include "staff_search_bulk.h"
#include "text.h"
#include "util.h"
#include "widget.h"

#define PAGE_SIZE  50
#define QUERY_MAX  200
#define SHOWN_TEXT 1000 /* characters of a proposal's text on the page */
#define BATCH      1000 /* rows per statement when a whole result is read (CSV, bulk) */
#define NO_AFTER   "9223372036854775807"

static const char *const names[] = { "consultation", "q",        "target", "stance", "status",
				     "channel",      "from",     "to",     "topic",  "region",
				     "version",      "campaign", "after",  "lang",   "format" };
/* Parameters $2..$10 of staff_proposal_search, in its order (q first), then $13 and $14,
   then `after` ($11). */
enum {
	F_Q,
	F_TARGET,
	F_STANCE,
	F_STATUS,
	F_CHANNEL,
	F_FROM,
	F_TO,
	F_TOPIC,
	F_REGION,
	F_VERSION,
	F_CAMPAIGN,
	F_AFTER,
	F_CONSULTATION, /* tally_meta's, not the search's */
	F_COUNT
};
static const char *const filter_names[F_COUNT] = { "q",        "target", "stance",      "status", "channel",
						   "from",     "to",     "topic",       "region", "version",
						   "campaign", "after",  "consultation" };
static const char *const stances[] = { "support", "oppose", "amend" };
static const char *const statuses[] = { "published", "hidden" };
static const char *const channels[] = { "web", "api", "import" };

static bool parse(const struct form *f, const char *v[F_COUNT])
{
	struct errors errs = { .count = 0 };
	long n;

	params_check_names(f, names, sizeof(names) / sizeof(names[0]), NULL, &errs);
	for (int i = 0; i < F_COUNT; i++) {
		const struct form_field *x = form_get(f, filter_names[i]);

		v[i] = x && *x->value ? x->value : NULL;
	}
	if (v[F_STANCE] && strcmp(v[F_STANCE], "all") == 0)
		v[F_STANCE] = NULL;
	return errs.count == 0 && (!v[F_Q] || strlen(v[F_Q]) <= QUERY_MAX) &&
	       (!v[F_TARGET] || text_is_code_shaped(v[F_TARGET], 64)) &&
	       (!v[F_STANCE] || params_one_of(v[F_STANCE], stances, 3)) &&
	       (!v[F_STATUS] || params_one_of(v[F_STATUS], statuses, 2)) &&
	       (!v[F_CHANNEL] || params_one_of(v[F_CHANNEL], channels, 3)) &&
	       (!v[F_FROM] || text_is_date_shaped(v[F_FROM])) && (!v[F_TO] || text_is_date_shaped(v[F_TO])) &&
	       (!v[F_TOPIC] || text_is_code_shaped(v[F_TOPIC], 63)) &&
	       (!v[F_REGION] || text_is_code_shaped(v[F_REGION], 16)) &&
	       (!v[F_VERSION] || (v[F_VERSION][0] != '0' && parse_long(v[F_VERSION], 1, 9999, &n))) &&
	       (!v[F_CAMPAIGN] ||
		(v[F_CAMPAIGN][0] != '0' && parse_long(v[F_CAMPAIGN], 1, 999999999999999999L, &n))) &&
	       (!v[F_AFTER] ||
		(v[F_AFTER][0] != '0' && parse_long(v[F_AFTER], 1, 999999999999999999L, &n))) &&
	       (!v[F_CONSULTATION] || params_slug_valid(v[F_CONSULTATION]));
}

static void choice(struct buf *b, enum lang lang, const char *name, const char *label_key,
		   const char *const *values, int n, const char *key_prefix, const char *selected)
{
	buf_printf(b,
		   "<div class=\"field\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\">"
		   "<option value=\"\">%s</option>",
		   name, lang_tr(lang, label_key), name, name, lang_tr(lang, "staff.dash.all"));
	for (int i = 0; i < n; i++) {
		char key[48];

		snprintf(key, sizeof(key), "%s%s", key_prefix, values[i]);
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", values[i],
			   selected && strcmp(selected, values[i]) == 0 ? " selected" : "",
			   *key_prefix ? lang_tr(lang, key) : values[i]);
	}
	buf_puts(b, "</select></div>\n");
}

static void search_form(struct buf *b, enum lang lang, const char *v[F_COUNT], bool hidden_allowed)
{
	buf_printf(b,
		   "<form method=\"get\" action=\"/staff/proposals\" class=\"filter\" role=\"search\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n",
		   lang_code(lang));
	if (v[F_CONSULTATION]) /* a slug, checked */
		buf_printf(b, "<input type=\"hidden\" name=\"consultation\" value=\"%s\">\n",
			   v[F_CONSULTATION]);
	widget_input(b, "f-q", "q", lang_tr(lang, "staff.search.words"), "search", v[F_Q]);
	widget_input(b, "f-target", "target", lang_tr(lang, "field.target"), "text", v[F_TARGET]);
	choice(b, lang, "stance", "staff.dash.stance", stances, 3, "stance.", v[F_STANCE]);
	if (hidden_allowed)
		choice(b, lang, "status", "staff.search.status", statuses, 2, "staff.status.", v[F_STATUS]);
	choice(b, lang, "channel", "staff.search.channel", channels, 3, "", v[F_CHANNEL]);
	widget_input(b, "f-from", "from", lang_tr(lang, "staff.dash.from"), "date", v[F_FROM]);
	widget_input(b, "f-to", "to", lang_tr(lang, "staff.dash.to"), "date", v[F_TO]);
	widget_input(b, "f-topic", "topic", lang_tr(lang, "staff.dash.topic"), "text", v[F_TOPIC]);
	widget_input(b, "f-region", "region", lang_tr(lang, "staff.search.region"), "text", v[F_REGION]);
	widget_input(b, "f-version", "version", lang_tr(lang, "staff.dash.version"), "text", v[F_VERSION]);
	widget_input(b, "f-campaign", "campaign", lang_tr(lang, "staff.campaign.id"), "text", v[F_CAMPAIGN]);
	buf_printf(b, "<p><button type=\"submit\">%s</button></p>\n</form>\n",
		   lang_tr(lang, "staff.search.button"));
}

/* Percent-encodes everything but RFC 3986's unreserved characters. */
static void url_encode(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

/* "&name=value" for every filter but `after`, percent-encoded, into a query string. */
static void query_string(struct buf *b, const char *v[F_COUNT])
{
	for (int k = 0; k < F_COUNT; k++)
		if (v[k] && k != F_AFTER) {
			buf_printf(b, "&%s=", filter_names[k]);
			url_encode(b, v[k]);
		}
}

/* A link to /staff/proposals with the query: its download, or its next page after `after`. */
static void query_link(struct buf *b, enum lang lang, const char *v[F_COUNT], const char *after)
{
	struct buf q;

	buf_init(&q, 0);
	query_string(&q, v);
	if (after)
		staff_next_link(b, lang, "/staff/proposals", q.data, after);
	else
		staff_download_link(b, lang, "/staff/proposals", q.data);
	buf_free(&q);
}

void staff_excerpt(struct buf *b, const char *text, size_t max_chars)
{
	size_t n = 0, chars = 0;
	struct buf tmp;

	while (text[n] && chars < max_chars) {
		n++;
		while ((text[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	buf_init(&tmp, 0);
	buf_append(&tmp, text, n);
	buf_html(b, tmp.data);
	if (text[n])
		buf_puts(b, "…");
	buf_free(&tmp);
}

static void shown_text(struct buf *b, const char *text)
{
	buf_puts(b, "<blockquote class=\"text\">");
	staff_excerpt(b, text, SHOWN_TEXT);
	buf_puts(b, "</blockquote>\n");
}

/* The rows of a page; with checkboxes named "id" for a bulk form around them (a moderator's, or
   staff's new position). */
static void results(struct buf *b, enum lang lang, const PGresult *res, const char *v[F_COUNT],
		    bool selectable)
{
	int shown = PQntuples(res) > PAGE_SIZE ? PAGE_SIZE : PQntuples(res);
	int label_col = lang == LANG_EN ? 3 : lang == LANG_RU ? 4 : 5;

	if (shown == 0)
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "list.empty"));
	buf_puts(b, "<ol class=\"proposals\">\n");
	for (int i = 0; i < shown; i++) {
		char key[48], status_key[48];

		snprintf(key, sizeof(key), "view.stance.%s", PQgetvalue(res, i, 6));
		snprintf(status_key, sizeof(status_key), "staff.status.%s", PQgetvalue(res, i, 8));
		buf_puts(b, "<li>");
		if (selectable)
			buf_printf(b,
				   "<p class=\"select\"><input type=\"checkbox\" name=\"id\" value=\"%s\" "
				   "id=\"sel-%s\"> <label for=\"sel-%s\">%s %s</label></p>\n",
				   PQgetvalue(res, i, 0), PQgetvalue(res, i, 0), PQgetvalue(res, i, 0),
				   lang_tr(lang, "staff.bulk.select"), PQgetvalue(res, i, 0));
		buf_printf(b,
			   "<h2>%s %s · %s · %s</h2>\n<p class=\"meta\"><a "
			   "href=\"/staff/proposals/%s?lang=%s\">%s</a> · ",
			   lang_tr(lang, "proposal.title"), PQgetvalue(res, i, 0), lang_tr(lang, key),
			   lang_tr(lang, status_key), PQgetvalue(res, i, 0), lang_code(lang),
			   lang_tr(lang, "staff.history.link"));
		buf_html(b, PQgetvalue(res, i, label_col));
		buf_printf(b, " · %s · %s · %s · ", PQgetvalue(res, i, 1), PQgetvalue(res, i, 7),
			   PQgetvalue(res, i, 9));
		buf_html(b, PQgetvalue(res, i, 10));
		buf_puts(b, "</p>\n");
		shown_text(b, PQgetvalue(res, i, 11));
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ol>\n");
	if (PQntuples(res) > PAGE_SIZE)
		query_link(b, lang, v, PQgetvalue(res, shown - 1, 0));
}

/* A search as the query asked it, run a batch at a time, newest first (keyset on id). */
struct search {
	struct form f;
	const char *v[F_COUNT];
	const char *params[19]; /* staff_proposal_search's, pointing into f, meta and below */
	PGresult *meta, *terms; /* terms: staff_search_terms's answer */
	char after[24], limit[12], window[12];
	bool csv;
};

/* Parses query into s and chooses the consultation. The role decides the status: analysts
   see published proposals only, whatever they ask. search_close frees s whatever this answers. */
static enum staff_search_status search_open(struct request *req, const char *query, unsigned role,
					    struct search *s)
{
	const char *meta_params[3] = { NULL, NULL, NULL };
	const struct form_field *format;

	memset(s, 0, sizeof(*s));
	if (!form_parse(query, strlen(query), &s->f) || !parse(&s->f, s->v))
		return STAFF_SEARCH_INVALID;
	format = form_get(&s->f, "format");
	if (format && strcmp(format->value, "csv") != 0 && strcmp(format->value, "html") != 0)
		return STAFF_SEARCH_INVALID;
	s->csv = format && strcmp(format->value, "csv") == 0;
	meta_params[0] = s->v[F_CONSULTATION];
	if (!(s->meta = db_run(req->db, "tally_meta", 3, meta_params)))
		return STAFF_SEARCH_DB;
	if (strcmp(PQgetvalue(s->meta, 0, 2), "1") != 0)
		return STAFF_SEARCH_NO_CONSULTATION;
	s->params[0] = PQgetvalue(s->meta, 0, 0);
	for (int i = 0; i < F_VERSION; i++)
		s->params[1 + i] = s->v[i];
	s->params[12] = s->v[F_VERSION];
	s->params[13] = s->v[F_CAMPAIGN];
	if (!(role & (AUTH_STAFF | AUTH_MODERATOR)))
		s->params[1 + F_STATUS] = "published";
	snprintf(s->after, sizeof(s->after), "%s", s->v[F_AFTER] ? s->v[F_AFTER] : NO_AFTER);
	s->params[10] = s->after;
	s->params[11] = s->limit;
	if (s->v[F_Q] || s->v[F_TARGET] || s->v[F_FROM] || s->v[F_TO]) {
		const char *terms_params[5] = { s->params[0], s->v[F_Q], s->v[F_TARGET], s->v[F_FROM],
						s->v[F_TO] };

		if (!(s->terms = db_run(req->db, "staff_search_terms", 5, terms_params)))
			return STAFF_SEARCH_DB;
		for (int i = 0; i < 4; i++) /* $16..$19 */
			s->params[15 + i] = PQgetisnull(s->terms, 0, i) ? NULL : PQgetvalue(s->terms, 0, i);
	}
	return STAFF_SEARCH_OK;
}

/*
 * The search's filters are optional (`$n IS NULL OR ...`): a generic plan cannot know which
 * are given, so it cannot choose the index they need (sql/queries/session_custom_plans.sql).
 * Every other statement keeps the generic plan it was given once (planning the dashboard's
 * per request cost it a third of its rate). Only on a request thread's own session: through
 * a transaction pooler the setting would stay behind for other clients. A failure only costs
 * speed (and a reconnect sets the generic plans again).
 */
static void custom_plans(struct request *req, bool custom)
{
	PGresult *res;

	if (!req->db || !req->settings || strcmp(req->settings->pool_mode, "session") != 0)
		return;
	res = db_run(req->db, custom ? "session_custom_plans" : "session_generic_plans", 0, NULL);
	PQclear(res);
}

/* The newest proposals a search for words first looks at (staff_proposal_search's $15): a
   word in one of WINDOW_PER_ROW of them fills the batch from there. */
#define WINDOW_MIN     2000
#define WINDOW_PER_ROW 20

/* The next n matches below s->after; s->after moves to the last of them. NULL: the database
   failed (its error in req->db). With words, the newest proposals are walked first, and only
   when fewer than n of them match are the words' rows taken from their index (the statement's
   comment says why). */
static PGresult *search_batch(struct request *req, struct search *s, int n)
{
	PGresult *res;

	snprintf(s->limit, sizeof(s->limit), "%d", n);
	snprintf(s->window, sizeof(s->window), "%d",
		 n * WINDOW_PER_ROW > WINDOW_MIN ? n * WINDOW_PER_ROW : WINDOW_MIN);
	s->params[14] = s->v[F_Q] ? s->window : NULL;
	custom_plans(req, true);
	res = db_run(req->db, "staff_proposal_search", 19, s->params);
	if (res && s->params[14] && PQntuples(res) < n) {
		PQclear(res);
		s->params[14] = NULL;
		res = db_run(req->db, "staff_proposal_search", 19, s->params);
	}
	custom_plans(req, false);
	if (res && PQntuples(res) > 0)
		snprintf(s->after, sizeof(s->after), "%s", PQgetvalue(res, PQntuples(res) - 1, 0));
	return res;
}

static void search_close(struct search *s)
{
	PQclear(s->meta);
	PQclear(s->terms);
	form_free(&s->f);
}

static const char *const csv_columns[] = { "id",     "created_at", "target", "part_en", "part_ru", "part_kk",
					   "stance", "lang",       "status", "channel", "region",  "text" };

/* Every match as CSV, streamed: a statement of BATCH rows at a time by keyset, each batch sent
   before the next is read, so memory does not grow with the result. */
static void export_csv(struct request *req, struct search *s)
{
	struct sink sink;
	PGresult *res = NULL;
	int rows = 0;

	reply_stream_begin(req, 200, "text/csv; charset=utf-8");
	reply_header(req, "Content-Disposition", "attachment; filename=\"kenes-proposals.csv\"");
	sink_to_buf(&sink, &req->out);
	for (size_t j = 0; j < ARRAY_LEN(csv_columns); j++)
		csv_field(&sink, csv_columns[j], j == 0);
	csv_end_row(&sink);
	do {
		if (!(res = search_batch(req, s, BATCH)))
			break;
		rows = PQntuples(res);
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < PQnfields(res); j++)
				csv_field(&sink, PQgetvalue(res, i, j), j == 0);
			csv_end_row(&sink);
		}
		PQclear(res);
		reply_stream_flush(req);
	} while (rows == BATCH);
	if (res)
		return;
	if (!req->sent) { /* nothing sent yet: a proper error instead */
		req->streaming = false;
		reply_db_failure(req, req->db, "exporting proposals");
	} else {
		log_error("exporting proposals failed after part was sent: %s",
			  db_last_error(req->db)->message);
	}
}

enum staff_search_status staff_proposals_each_id(struct request *req, const char *query, unsigned role,
						 const char *below, int max,
						 void (*each)(const char *id, void *arg), void *arg,
						 int *count)
{
	struct search s;
	enum staff_search_status st = search_open(req, query, role, &s);
	int rows;

	*count = 0;
	if (st != STAFF_SEARCH_OK)
		goto out;
	snprintf(s.after, sizeof(s.after), "%s", below ? below : NO_AFTER); /* every page */
	do {
		PGresult *res = search_batch(req, &s, BATCH);

		if (!res) {
			st = STAFF_SEARCH_DB;
			goto out;
		}
		rows = PQntuples(res);
		for (int i = 0; i < rows && *count <= max; i++, ++*count)
			if (each)
				each(PQgetvalue(res, i, 0), arg);
		PQclear(res);
	} while (rows == BATCH && *count <= max);
out:
	search_close(&s);
	return st;
}

/* A moderator's two bulk forms: the selection (around the results, see results()) and every
   result of this search, which posts the search itself for the handler to run again. */
static void bulk_all_form(struct buf *b, enum lang lang, const struct route_match *m, const char *v[F_COUNT],
			  int total)
{
	struct buf q;

	if (total > STAFF_SEARCH_BULK_MAX) {
		buf_printf(b, "<p class=\"bulk-all\">%s</p>\n", lang_tr(lang, "staff.bulk.search.too_many"));
		return;
	}
	buf_printf(
		b,
		"<form method=\"post\" action=\"/staff/moderation/proposals?lang=%s\" class=\"bulk-all\">\n",
		lang_code(lang));
	staff_csrf_field(b, m);
	buf_init(&q, 0);
	query_string(&q, v);
	buf_puts(b, "<input type=\"hidden\" name=\"scope\" value=\"search\">\n"
		    "<input type=\"hidden\" name=\"search\" value=\"");
	buf_html(b, q.data[0] == '&' ? q.data + 1 : q.data);
	buf_puts(b, "\">\n");
	buf_free(&q);
	staff_moderation_bulk_fieldset(b, lang, "staff.bulk.search.legend", total);
	buf_puts(b, "</form>\n");
}

void staff_proposals(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	bool moderator = m->role & AUTH_MODERATOR;
	struct search s;
	bool positions; /* staff searching one part: a new position from the selection */
	enum staff_search_status st = search_open(req, req->query, m->role, &s);
	PGresult *res = NULL;
	int total = 0;
	struct buf b;

	if (st == STAFF_SEARCH_INVALID) {
		handler_message_page(req, 422, lang, "staff.search.title", "staff.dash.bad_filter");
		goto out;
	}
	if (st == STAFF_SEARCH_NO_CONSULTATION) {
		handler_message_page(req, 404, lang, "staff.search.title", "none.consultation");
		goto out;
	}
	if (st == STAFF_SEARCH_DB) {
		reply_db_failure(req, req->db, "choosing the consultation");
		goto out;
	}
	positions = (m->role & AUTH_STAFF) && s.v[F_TARGET];
	if (s.csv) { /* every match from `after` on (the page's link names none: all of them) */
		export_csv(req, &s);
		goto out;
	}
	if (moderator && staff_proposals_each_id(req, req->query, m->role, NULL, STAFF_SEARCH_BULK_MAX, NULL,
						 NULL, &total) != STAFF_SEARCH_OK) {
		reply_db_failure(req, req->db, "counting proposals");
		goto out;
	}
	if (!(res = search_batch(req, &s, PAGE_SIZE + 1))) {
		reply_db_failure(req, req->db, "searching proposals");
		goto out;
	}
	staff_page_begin(&b, lang, m, "staff.search.title");
	search_form(&b, lang, s.v, m->role & (AUTH_STAFF | AUTH_MODERATOR));
	query_link(&b, lang, s.v, NULL);
	if (moderator) {
		buf_printf(&b, "<form method=\"post\" action=\"/staff/moderation/proposals?lang=%s\">\n",
			   lang_code(lang));
		staff_csrf_field(&b, m);
	} else if (positions) {
		staff_positions_selection_begin(&b, lang, m);
	}
	results(&b, lang, res, s.v, moderator || positions);
	if (moderator) {
		staff_moderation_bulk_controls(&b, lang);
		buf_puts(&b, "</form>\n");
		if (PQntuples(res) > 0)
			bulk_all_form(&b, lang, m, s.v, total);
	} else if (positions) { /* a search's version is a number, "all" or "current" */
		staff_positions_selection_end(
			&b, lang, PQgetvalue(s.meta, 0, 1), s.v[F_TARGET],
			s.v[F_VERSION] && isdigit((unsigned char)s.v[F_VERSION][0]) ? s.v[F_VERSION] : NULL);
	}
	page_end(&b);
	reply_html(req, 200, &b);
	buf_free(&b);
out:
	PQclear(res);
	search_close(&s);
}
