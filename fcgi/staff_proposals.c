#include "staff_proposals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "staff_pages.h"
#include "text.h"
#include "util.h"
#include "widget.h"

#define PAGE_SIZE  50
#define QUERY_MAX  200
#define SHOWN_TEXT 1000 /* characters of a proposal's text on the page */

static const char *const names[] = { "consultation", "q",        "target", "stance", "status",
				     "channel",      "from",     "to",     "topic",  "region",
				     "version",      "campaign", "after",  "lang" };
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
	F_COUNT
};
static const char *const filter_names[F_COUNT] = { "q",  "target", "stance", "status",  "channel",  "from",
						   "to", "topic",  "region", "version", "campaign", "after" };
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
	       (!v[F_AFTER] || (v[F_AFTER][0] != '0' && parse_long(v[F_AFTER], 1, 999999999999999999L, &n)));
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

static void results(struct buf *b, enum lang lang, const PGresult *res, const char *v[F_COUNT])
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
		buf_printf(b,
			   "<li><h2>%s %s · %s · %s</h2>\n<p class=\"meta\"><a "
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
	if (PQntuples(res) > PAGE_SIZE) {
		buf_printf(b, "<nav class=\"pages\" aria-label=\"%s\"><a href=\"/staff/proposals?lang=%s",
			   lang_tr(lang, "nav.pages"), lang_code(lang));
		for (int k = 0; k < F_AFTER; k++) /* every filter but `after`, which is last */
			if (v[k]) {
				struct buf enc;

				buf_init(&enc, 0);
				url_encode(&enc, v[k]);
				buf_printf(b, "&amp;%s=", filter_names[k]);
				buf_html(b, enc.data);
				buf_free(&enc);
			}
		buf_printf(b, "&amp;after=%s\">%s</a></nav>\n", PQgetvalue(res, shown - 1, 0),
			   lang_tr(lang, "list.next"));
	}
}

void staff_proposals(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	const char *v[F_COUNT], *params[14], *consultation = NULL;
	const char *meta_params[3] = { NULL, NULL, NULL };
	bool hidden_allowed = m->role & (AUTH_STAFF | AUTH_MODERATOR);
	PGresult *meta = NULL, *res = NULL;
	char limit[8];
	struct buf b;

	if (!form_parse(req->query, strlen(req->query), &f) || !parse(&f, v)) {
		handler_message_page(req, 422, lang, "staff.search.title", "staff.dash.bad_filter");
		goto out;
	}
	{
		const struct form_field *c = form_get(&f, "consultation");

		consultation = c && *c->value && params_slug_valid(c->value) ? c->value : NULL;
	}
	meta_params[0] = consultation;
	if (!(meta = db_run(req->db, "tally_meta", 3, meta_params))) {
		reply_db_failure(req, req->db, "choosing the consultation");
		goto out;
	}
	if (strcmp(PQgetvalue(meta, 0, 2), "1") != 0) {
		handler_message_page(req, 404, lang, "staff.search.title", "none.consultation");
		goto out;
	}
	params[0] = PQgetvalue(meta, 0, 0);
	for (int i = 0; i < F_VERSION; i++)
		params[1 + i] = v[i];
	params[12] = v[F_VERSION];
	params[13] = v[F_CAMPAIGN];
	if (!hidden_allowed) /* analysts: published proposals only, whatever they ask */
		params[1 + F_STATUS] = "published";
	params[10] = v[F_AFTER] ? v[F_AFTER] : "9223372036854775807";
	snprintf(limit, sizeof(limit), "%d", PAGE_SIZE + 1);
	params[11] = limit;
	if (!(res = db_run(req->db, "staff_proposal_search", 14, params))) {
		reply_db_failure(req, req->db, "searching proposals");
		goto out;
	}
	buf_init(&b, 0);
	page_begin(&b, lang, lang_tr(lang, "staff.search.title"));
	buf_printf(&b, "<h1>%s</h1>\n", lang_tr(lang, "staff.search.title"));
	staff_nav(&b, lang, m);
	search_form(&b, lang, v, hidden_allowed);
	results(&b, lang, res, v);
	page_end(&b);
	reply_html(req, 200, &b);
	buf_free(&b);
out:
	PQclear(res);
	PQclear(meta);
	form_free(&f);
}
