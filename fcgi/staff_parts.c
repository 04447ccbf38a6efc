#include "staff_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "handlers.h"
#include "memo.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "staff_dashboard.h"
#include "staff_pages.h"
#include "staff_proposals.h"
#include "text.h"
#include "util.h"

#define WEEKS_MAX   60   /* the trend's last weeks */
#define LIST_MAX    "10" /* proposals, wordings and campaigns listed */
#define EXCERPT_MAX 300  /* characters of a text shown */
#define TARGET_MAX  63

static const char *const names[] = { "consultation", "from", "to", "stance", "version", "lang" };
/* Row order of tally_part for one part: 'all' then the stances. */
static const char *const stances[] = { "all", "support", "oppose", "amend" };

/* One part's tally_part rows: measures[stance][proposals, people, supports], -1 if absent. */
struct part_figures {
	long long m[4][3];
};

struct part_page {
	struct request *req;
	enum lang lang;
	const struct staff_filter *q;
	const char *cid, *slug, *target, *label;
	char version[12]; /* the part's draft version, as chosen by tally_part */
	struct buf *b;
};

static bool parse_query(const struct form *f, struct staff_filter *q)
{
	struct errors errs = { .count = 0 };

	params_check_names(f, names, ARRAY_LEN(names), NULL, &errs);
	return staff_filter_read(f, q) && errs.count == 0;
}

/* Closes a section's list or table (none was opened for no rows) and frees its rows. */
static bool section_end(const struct part_page *p, PGresult *res, const char *close)
{
	if (PQntuples(res) > 0)
		buf_puts(p->b, close);
	PQclear(res);
	return true;
}

static int stance_index(const char *stance)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(stance, stances[i]) == 0)
			return i;
	return 0;
}

/* The part's rows in a tally_part result, of the first (newest) version that has the part:
 * its number into version_out, the row of its 'all' stance into *first_row. False when none. */
static bool part_figures(const PGresult *res, const char *target, struct part_figures *f,
			 char version_out[12], int *first_row)
{
	bool found = false;

	memset(f->m, 0xff, sizeof(f->m)); /* -1 in every byte: -1, a stance not returned */
	for (int i = 0; i < PQntuples(res); i++) {
		int s;

		if (strcmp(PQgetvalue(res, i, 0), target) != 0 ||
		    (found && strcmp(PQgetvalue(res, i, 8), version_out) != 0))
			continue;
		if (!found) {
			snprintf(version_out, 12, "%s", PQgetvalue(res, i, 8));
			*first_row = i;
		}
		found = true;
		s = stance_index(PQgetvalue(res, i, 4));
		for (int k = 0; k < 3; k++)
			f->m[s][k] = strtoll(PQgetvalue(res, i, 5 + k), NULL, 10);
	}
	return found;
}

/* An <a> to the published proposals behind a number: /staff/proposals with the part, its
 * version, the stance and period given and one more filter (name=value, as topic=, region=,
 * channel= or campaign=; none when name is NULL). Checked shapes: nothing needs encoding. */
static void proposals_link(const struct part_page *p, const char *stance, const char *from, const char *to,
			   const char *name, const char *value, long long number)
{
	const char *names_[] = { "stance", "from", "to", name };
	const char *values[] = { stance, from, to, name ? value : NULL };

	buf_printf(p->b,
		   "<a href=\"/staff/proposals?lang=%s&amp;consultation=%s&amp;target=%s&amp;version=%s"
		   "&amp;status=published",
		   lang_code(p->lang), p->slug, p->target, p->version);
	for (size_t i = 0; i < ARRAY_LEN(values); i++)
		if (values[i])
			buf_printf(p->b, "&amp;%s=%s", names_[i], values[i]);
	buf_printf(p->b, "\">%lld</a>", number);
}

/* Proposals, people and supports (a negative one shown as 0), each a proposals_link. */
static void measure_cells(const struct part_page *p, const long long m[3], const char *stance,
			  const char *from, const char *to, const char *name, const char *value)
{
	for (int k = 0; k < 3; k++) {
		buf_puts(p->b, "<td class=\"num\">");
		proposals_link(p, stance, from, to, name, value, m[k] < 0 ? 0 : m[k]);
		buf_puts(p->b, "</td>");
	}
}

static void measure_header(const struct part_page *p, const char *first_key)
{
	buf_printf(p->b,
		   "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		   "<th scope=\"col\">%s</th></tr>\n",
		   lang_tr(p->lang, first_key), lang_tr(p->lang, "staff.dash.proposals"),
		   lang_tr(p->lang, "staff.dash.people"), lang_tr(p->lang, "staff.dash.supports"));
}

static const char *stance_label(enum lang lang, int s)
{
	char key[32];

	if (s == 0)
		return lang_tr(lang, "staff.dash.all");
	snprintf(key, sizeof(key), "stance.%s", stances[s]);
	return lang_tr(lang, key);
}

/* The figures per stance with the split bar, and the distinct texts when kept (all-time). */
static void figures_section(const struct part_page *p, const struct part_figures *f, long long texts)
{
	long long split[3] = { f->m[1][0], f->m[2][0], f->m[3][0] };

	buf_printf(p->b, "<h2>%s</h2>\n<p>", lang_tr(p->lang, "staff.part.figures"));
	staff_stance_bar(p->b, p->lang, split);
	buf_puts(p->b, "</p>\n");
	buf_printf(p->b, "<table class=\"staff\" id=\"stances\"><caption>%s</caption>\n",
		   lang_tr(p->lang, "staff.part.stances"));
	measure_header(p, "staff.dash.stance");
	for (int s = 0; s < 4; s++) {
		buf_printf(p->b, "<tr><th scope=\"row\">%s</th>", stance_label(p->lang, s));
		measure_cells(p, f->m[s], s ? stances[s] : NULL, p->q->from, p->q->to, NULL, NULL);
		buf_puts(p->b, "</tr>\n");
	}
	buf_puts(p->b, "</table>\n");
	if (texts >= 0) {
		buf_printf(p->b, "<p>%s: ", lang_tr(p->lang, "staff.dash.texts"));
		proposals_link(p, p->q->stance, NULL, NULL, NULL, NULL, texts);
		buf_puts(p->b, "</p>\n");
	}
}

/* Distinct texts (campaigns counted once): tally_texts, as the dashboard and the API add
 * them, all-time only (-1 with a period). False when the statement failed. */
static bool part_texts(const struct part_page *p, long long *texts)
{
	const char *params[2] = { p->cid, p->q->stance };
	PGresult *res;

	*texts = -1;
	if (p->q->from || p->q->to)
		return true;
	if (!(res = db_run(p->req->read_db, "tally_texts", 2, params)))
		return false;
	if (PQntuples(res) > 0)
		*texts = 0; /* counted, and none on this part */
	for (int i = 0; i < PQntuples(res); i++)
		if (!PQgetisnull(res, i, 0) && strcmp(PQgetvalue(res, i, 0), p->target) == 0 &&
		    strcmp(PQgetvalue(res, i, 1), p->version) == 0)
			*texts = strtoll(PQgetvalue(res, i, 3), NULL, 10);
	PQclear(res);
	return true;
}

/* A week of the trend: proposals, people and supports per stance (0: all), -1 when not asked. */
struct week {
	char key[12], from[11], to[11];
	long long proposals[4], people[4], supports[4];
};

static bool new_week(const PGresult *res, int row)
{
	return row == 0 || strcmp(PQgetvalue(res, row - 1, 0), PQgetvalue(res, row, 0)) != 0;
}

/* The part's weeks (staff_part_weeks: the part cells' days, as tally_between adds them for
 * the API's by=part&from=..&to=.., and the people it counts for those days), the last
 * WEEKS_MAX. */
static bool load_weeks(const struct part_page *p, struct week *weeks, int *count)
{
	const char *params[6] = { p->cid, p->target, p->version, p->q->from, p->q->to, p->q->stance };
	PGresult *res = db_run(p->req->read_db, "staff_part_weeks", 6, params);
	int all = 0, n = 0;

	*count = 0;
	if (!res)
		return false;
	for (int i = 0; i < PQntuples(res); i++)
		all += new_week(res, i);
	for (int i = 0, seen = 0; i < PQntuples(res); i++) {
		struct week *w;
		int s = stance_index(PQgetvalue(res, i, 3));

		if (new_week(res, i))
			seen++;
		if (seen <= all - WEEKS_MAX)
			continue; /* older than the trend shows */
		if (new_week(res, i)) {
			w = &weeks[n++];
			snprintf(w->key, sizeof(w->key), "%s", PQgetvalue(res, i, 0));
			snprintf(w->from, sizeof(w->from), "%s", PQgetvalue(res, i, 1));
			snprintf(w->to, sizeof(w->to), "%s", PQgetvalue(res, i, 2));
			for (int k = 0; k < 4; k++)
				w->proposals[k] = w->people[k] = w->supports[k] = -1;
		}
		w = &weeks[n - 1];
		w->proposals[s] = strtoll(PQgetvalue(res, i, 4), NULL, 10);
		w->supports[s] = strtoll(PQgetvalue(res, i, 5), NULL, 10);
		w->people[s] = strtoll(PQgetvalue(res, i, 6), NULL, 10);
	}
	PQclear(res);
	*count = n;
	return true;
}

/* The trend as stacked bars (one per week; the stances, or the one asked), with a title and
 * a description for assistive technology; the table after it has every number. */
static void trend_chart(const struct part_page *p, const struct week *weeks, int n)
{
	static const char *const fills[] = { "#00703c", "#b00020", "#00689d" };
	const int bar = 14, gap = 6, height = 100;
	long long max = 1;
	int width = n * (bar + gap) + gap;

	for (int i = 0; i < n; i++) {
		long long t = weeks[i].proposals[p->q->stance ? stance_index(p->q->stance) : 0];

		if (t > max)
			max = t;
	}
	buf_printf(p->b,
		   "<svg class=\"trend\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
		   "aria-labelledby=\"trend-title trend-desc\"><title id=\"trend-title\">%s</title>"
		   "<desc id=\"trend-desc\">%s</desc>",
		   width, height + 2, width, height + 2, lang_tr(p->lang, "staff.part.trend"),
		   lang_tr(p->lang, "staff.part.trend_desc"));
	for (int i = 0; i < n; i++) {
		double y = height;
		int x = gap + i * (bar + gap);

		for (int s = 1; s < 4; s++) {
			long long v = weeks[i].proposals[s];
			double h;

			if (v <= 0 || (p->q->stance && stance_index(p->q->stance) != s))
				continue;
			h = (double)height * (double)v / (double)max;
			y -= h;
			buf_printf(p->b,
				   "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>", x,
				   y, bar, h, fills[s - 1]);
		}
	}
	buf_printf(p->b, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#505a5f\"/></svg>\n",
		   height + 1, width, height + 1);
}

static void trend_section(const struct part_page *p, const struct week *weeks, int n)
{
	int s = p->q->stance ? stance_index(p->q->stance) : 0;

	buf_printf(p->b, "<h2>%s</h2>\n", lang_tr(p->lang, "staff.part.trend"));
	if (n == 0) {
		buf_printf(p->b, "<p>%s</p>\n", lang_tr(p->lang, "staff.part.none"));
		return;
	}
	trend_chart(p, weeks, n);
	buf_printf(p->b, "<table class=\"staff\" id=\"trend\"><caption>%s</caption>\n",
		   lang_tr(p->lang, "staff.part.trend"));
	measure_header(p, "staff.part.week");
	for (int i = 0; i < n; i++) {
		buf_printf(p->b, "<tr><th scope=\"row\">%s <small>%s – %s</small></th><td class=\"num\">",
			   weeks[i].key, weeks[i].from, weeks[i].to);
		proposals_link(p, p->q->stance, weeks[i].from, weeks[i].to, NULL, NULL,
			       weeks[i].proposals[s]);
		buf_puts(p->b, "</td><td class=\"num\">");
		proposals_link(p, p->q->stance, weeks[i].from, weeks[i].to, NULL, NULL, weeks[i].people[s]);
		buf_puts(p->b, "</td><td class=\"num\">");
		/* Supports given that week, on proposals of any week: no list of proposals is theirs. */
		buf_printf(p->b, "%lld</td></tr>\n", weeks[i].supports[s]);
	}
	buf_puts(p->b, "</table>\n");
}

/* The part's topics, regions or channels (dim: part_topic, part_region or part_channel;
 * staff_part_where: their cells, in the period and stance of the page), one row each with a
 * link per number. */
static const struct where_kind {
	const char *dim, *id, *title, *header, *param;
} where_kinds[] = {
	{ "part_topic", "topics", "staff.part.topics", "staff.dash.topic", "topic" },
	{ "part_region", "regions", "staff.part.regions", "view.region", "region" },
	{ "part_channel", "channels", "staff.part.channels", "staff.search.channel", "channel" },
};

static bool where_section(const struct part_page *p, const struct where_kind *kind)
{
	const char *params[7] = {
		p->cid, p->target, p->version, p->q->from, p->q->to, p->q->stance, kind->dim
	};
	PGresult *res = db_run(p->req->read_db, "staff_part_where", 7, params);
	const char *title = lang_tr(p->lang, kind->title);
	int label_col = p->lang == LANG_KK ? 1 : p->lang == LANG_RU ? 2 : 3;

	if (!res)
		return false;
	buf_printf(p->b, "<h2>%s</h2>\n", title);
	if (PQntuples(res) == 0)
		buf_printf(p->b, "<p>%s</p>\n", lang_tr(p->lang, "staff.part.none"));
	else {
		buf_printf(p->b, "<table class=\"staff\" id=\"%s\"><caption>%s</caption>\n", kind->id, title);
		measure_header(p, kind->header);
	}
	for (int i = 0; i < PQntuples(res); i++) {
		long long m[3];

		buf_puts(p->b, "<tr><th scope=\"row\">");
		buf_html(p->b, PQgetvalue(res, i, label_col));
		buf_puts(p->b, "</th>");
		for (int j = 0; j < 3; j++)
			m[j] = strtoll(PQgetvalue(res, i, 4 + j), NULL, 10);
		/* Slugs and codes from the database's own tables (land, KZ-75, web): nothing needs
		 * encoding. */
		measure_cells(p, m, p->q->stance, p->q->from, p->q->to, kind->param, PQgetvalue(res, i, 0));
		buf_puts(p->b, "</tr>\n");
	}
	return section_end(p, res, "</table>\n");
}

/* Campaigns with published proposals on the part (staff_part_campaigns). */
static bool campaigns_section(const struct part_page *p)
{
	const char *params[4] = { p->cid, p->target, p->version, LIST_MAX };
	PGresult *res = db_run(p->req->read_db, "staff_part_campaigns", 4, params);

	if (!res)
		return false;
	buf_printf(p->b, "<h2>%s</h2>\n", lang_tr(p->lang, "staff.part.campaigns"));
	if (PQntuples(res) == 0)
		buf_printf(p->b, "<p>%s</p>\n", lang_tr(p->lang, "staff.part.none"));
	else
		buf_printf(
			p->b,
			"<table class=\"staff\" id=\"campaigns\"><caption>%s</caption>\n<tr><th "
			"scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>\n",
			lang_tr(p->lang, "staff.part.campaigns"), lang_tr(p->lang, "staff.campaign.id"),
			lang_tr(p->lang, "staff.part.on_part"), lang_tr(p->lang, "staff.part.size"),
			lang_tr(p->lang, "staff.part.excerpt"));
	for (int i = 0; i < PQntuples(res); i++) {
		buf_printf(p->b, "<tr><th scope=\"row\">%s</th><td class=\"num\">", PQgetvalue(res, i, 0));
		proposals_link(p, NULL, NULL, NULL, "campaign", PQgetvalue(res, i, 0),
			       strtoll(PQgetvalue(res, i, 1), NULL, 10));
		buf_printf(p->b, "</td><td class=\"num\">%s</td><td>", PQgetvalue(res, i, 2));
		staff_excerpt(p->b, PQgetvalue(res, i, 3), EXCERPT_MAX);
		buf_puts(p->b, "</td></tr>\n");
	}
	return section_end(p, res, "</table>\n");
}

/* The most supported proposals (of the stance asked), or the proposed wordings. */
static bool proposals_section(const struct part_page *p, bool wordings)
{
	const char *params[6] = { p->cid,     p->target,
				  p->version, wordings ? "amend" : p->q->stance,
				  LIST_MAX,   wordings ? "true" : "false" };
	PGresult *res = db_run(p->req->read_db, "staff_part_top", 6, params);

	if (!res)
		return false;
	buf_printf(p->b, "<h2>%s</h2>\n",
		   lang_tr(p->lang, wordings ? "staff.part.wordings" : "staff.part.top"));
	if (PQntuples(res) == 0)
		buf_printf(p->b, "<p>%s</p>\n", lang_tr(p->lang, "staff.part.none"));
	else
		buf_puts(p->b, "<ol class=\"proposals\">\n");
	for (int i = 0; i < PQntuples(res); i++) {
		char key[40];

		snprintf(key, sizeof(key), "view.stance.%s", PQgetvalue(res, i, 1));
		buf_printf(p->b,
			   "<li><p class=\"meta\"><a href=\"/proposals/%s?lang=%s\">%s %s</a> · %s · %s: "
			   "%s</p>\n"
			   "<blockquote class=\"text\" lang=\"%s\">",
			   PQgetvalue(res, i, 0), lang_code(p->lang), lang_tr(p->lang, "proposal.title"),
			   PQgetvalue(res, i, 0), lang_tr(p->lang, key),
			   lang_tr(p->lang, "staff.dash.supports"), PQgetvalue(res, i, 2),
			   PQgetvalue(res, i, 3));
		staff_excerpt(p->b, PQgetvalue(res, i, wordings ? 5 : 4), EXCERPT_MAX);
		buf_puts(p->b, "</blockquote></li>\n");
	}
	return section_end(p, res, "</ol>\n");
}

/* A search among the part's proposals: the staff search's form with the part fixed. */
static void search_section(const struct part_page *p)
{
	buf_printf(p->b,
		   "<h2>%s</h2>\n<form method=\"get\" action=\"/staff/proposals\" class=\"filter\" "
		   "role=\"search\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">"
		   "<input type=\"hidden\" name=\"consultation\" value=\"%s\">"
		   "<input type=\"hidden\" name=\"target\" value=\"%s\">"
		   "<input type=\"hidden\" name=\"version\" value=\"%s\">\n"
		   "<div class=\"field\"><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" "
		   "type=\"search\"></div>\n"
		   "<p><button type=\"submit\">%s</button></p>\n</form>\n<p>",
		   lang_tr(p->lang, "staff.part.search"), lang_code(p->lang), p->slug, p->target, p->version,
		   lang_tr(p->lang, "staff.search.words"), lang_tr(p->lang, "staff.search.button"));
	buf_printf(p->b,
		   "<a "
		   "href=\"/staff/proposals?lang=%s&amp;consultation=%s&amp;target=%s&amp;version=%s\">%s</"
		   "a></p>\n",
		   lang_code(p->lang), p->slug, p->target, p->version, lang_tr(p->lang, "staff.part.all"));
}

static void date_field(struct buf *b, enum lang lang, const char *name, const char *key, const char *value)
{
	buf_printf(b,
		   "<div class=\"field\"><label for=\"f-%s\">%s</label><input id=\"f-%s\" name=\"%s\" "
		   "type=\"date\" value=\"%s\"></div>\n",
		   name, lang_tr(lang, key), name, name, value ? value : "");
}

/* The filters (checked shapes: echoed as they are). */
static void filter_form(const struct part_page *p)
{
	buf_printf(p->b,
		   "<form method=\"get\" action=\"/staff/parts/%s\" class=\"filter\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">"
		   "<input type=\"hidden\" name=\"consultation\" value=\"%s\">\n",
		   p->target, lang_code(p->lang), p->slug);
	date_field(p->b, p->lang, "from", "staff.dash.from", p->q->from);
	date_field(p->b, p->lang, "to", "staff.dash.to", p->q->to);
	buf_printf(p->b,
		   "<div class=\"field\"><label for=\"f-stance\">%s</label><select id=\"f-stance\" "
		   "name=\"stance\">",
		   lang_tr(p->lang, "staff.dash.stance"));
	for (int s = 0; s < 4; s++)
		buf_printf(p->b, "<option value=\"%s\"%s>%s</option>", stances[s],
			   (s == 0 && !p->q->stance) ||
					   (p->q->stance && strcmp(p->q->stance, stances[s]) == 0)
				   ? " selected"
				   : "",
			   stance_label(p->lang, s));
	buf_printf(p->b,
		   "</select></div>\n<div class=\"field\"><label for=\"f-version\">%s</label><input "
		   "id=\"f-version\" name=\"version\" value=\"%s\"></div>\n"
		   "<p><button type=\"submit\">%s</button></p>\n</form>\n",
		   lang_tr(p->lang, "staff.dash.version"), p->q->version ? p->q->version : "",
		   lang_tr(p->lang, "list.show"));
}

/* The sections made from the tallies alone, into p->b: the filters, the figures, the trend,
   the topics, regions and channels. False when a statement failed. */
static bool tally_sections(struct part_page *p, const struct part_figures *f)
{
	struct week *weeks;
	long long texts;
	int n = 0;
	bool ok;

	if (!part_texts(p, &texts))
		return false;
	filter_form(p);
	figures_section(p, f, texts);
	if (!(weeks = calloc(WEEKS_MAX, sizeof(*weeks))))
		abort(); /* out of memory */
	ok = load_weeks(p, weeks, &n);
	if (ok)
		trend_section(p, weeks, n);
	free(weeks);
	for (size_t i = 0; ok && i < ARRAY_LEN(where_kinds); i++)
		ok = where_section(p, &where_kinds[i]);
	return ok;
}

/* The page: its head, the tally sections (made now or from the memo), then the sections that
   read the proposals as they are now (campaigns' published members, the most supported, the
   wordings), which no refresh waits for. Answers. */
static void render(struct part_page *p, const char *refreshed_at, const struct route_match *m,
		   const char *tallied, size_t tallied_len)
{
	struct buf b;

	buf_init(&b, 0);
	p->b = &b;
	page_begin(&b, p->lang, p->label);
	buf_puts(&b, "<h1>");
	buf_html(&b, p->label);
	buf_printf(&b, "</h1>\n<p>%s: <strong>%s</strong></p>\n", lang_tr(p->lang, "staff.dash.as_of"),
		   refreshed_at);
	staff_nav(&b, p->lang, m);
	buf_append(&b, tallied, tallied_len);
	if (!campaigns_section(p) || !proposals_section(p, false) || !proposals_section(p, true)) {
		reply_db_failure(p->req, p->req->read_db, "the staff part page");
		goto out;
	}
	search_section(p);
	buf_printf(&b, "<p class=\"hint\">%s %s</p>\n", lang_tr(p->lang, "staff.part.note"),
		   lang_tr(p->lang, "staff.dash.people_note"));
	page_end(&b);
	reply_html(p->req, 200, &b);
out:
	buf_free(&b);
}

/*
 * The memo's piece of a part's page (fcgi/memo.h): its label, NUL, its draft version, NUL,
 * the tally sections' HTML; kept per language, part and query string until the tallies'
 * next refresh or the next local day. Points p's label and version at a piece read back;
 * false when it is not one.
 */
static bool piece_read(struct part_page *p, const struct buf *piece, size_t *html_at)
{
	const char *label = piece->data, *end = piece->data + piece->len, *version, *html;

	if (!(version = memchr(label, '\0', piece->len)) || version + 1 >= end)
		return false;
	version++;
	if (!(html = memchr(version, '\0', (size_t)(end - version))) ||
	    (size_t)(html - version) >= sizeof(p->version))
		return false;
	memcpy(p->version, version, (size_t)(html - version) + 1);
	p->label = label;
	*html_at = (size_t)(html + 1 - label);
	return true;
}

void staff_part_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	struct staff_filter q = { 0 };
	struct part_page p = { .req = req, .lang = lang, .q = &q, .target = m->slug };
	struct part_figures figures;
	PGresult *meta = NULL, *parts = NULL;
	struct buf key, piece;
	const char *version;
	size_t html_at = 0;
	int row = 0;

	buf_init(&key, 0);
	buf_init(&piece, 0);

	if (!form_parse(req->query, strlen(req->query), &f) || !parse_query(&f, &q) ||
	    !text_is_code_shaped(m->slug, TARGET_MAX)) {
		handler_message_page(req, 422, lang, "staff.dash.title", "staff.dash.bad_filter");
		goto out;
	}
	{
		const char *params[3] = { q.consultation, q.from, q.to };

		if (!(meta = db_run(req->read_db, "tally_meta", 3, params))) {
			reply_db_failure(req, req->read_db, "reading the tallies' state");
			goto out;
		}
	}
	if (strcmp(PQgetvalue(meta, 0, 2), "1") != 0 || PQgetisnull(meta, 0, 4)) {
		bool none = strcmp(PQgetvalue(meta, 0, 2), "1") != 0;

		handler_message_page(req, none ? 404 : 503, lang, "staff.dash.title",
				     none ? "none.consultation" : "staff.dash.not_ready");
		goto out;
	}
	p.cid = PQgetvalue(meta, 0, 0);
	p.slug = PQgetvalue(meta, 0, 1);
	version = PQgetvalue(meta, 0, 7);
	buf_printf(&key, "part|%s|%s|%s", lang_code(lang), p.target, req->query);
	if (memo_get(key.data, version, &piece) && piece_read(&p, &piece, &html_at)) {
		render(&p, PQgetvalue(meta, 0, 4), m, piece.data + html_at, piece.len - html_at);
		goto out;
	}
	{
		const char *params[9] = { p.cid, q.from, q.to, NULL, NULL, q.version, NULL, NULL, p.target };

		if (!(parts = db_run(req->read_db, "staff_part_located", 9, params))) {
			reply_db_failure(req, req->read_db, "the part's tallies");
			goto out;
		}
	}
	if (!part_figures(parts, p.target, &figures, p.version, &row)) {
		handler_message_page(req, 404, lang, "notfound.title", "staff.part.unknown");
		goto out;
	}
	p.label = PQgetvalue(parts, row, lang == LANG_KK ? 1 : lang == LANG_RU ? 2 : 3);
	buf_reset(&piece);
	buf_puts(&piece, p.label);
	buf_putc(&piece, '\0');
	buf_puts(&piece, p.version);
	buf_putc(&piece, '\0');
	html_at = piece.len;
	p.b = &piece;
	if (!tally_sections(&p, &figures)) {
		reply_db_failure(req, req->read_db, "the part's tallies");
		goto out;
	}
	memo_put(key.data, version, piece.data, piece.len);
	render(&p, PQgetvalue(meta, 0, 4), m, piece.data + html_at, piece.len - html_at);
out:
	buf_free(&piece);
	buf_free(&key);
	PQclear(parts);
	PQclear(meta);
	form_free(&f);
}
