#include "report_data.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const stances[] = { "all", "support", "oppose", "amend" };

static json_int_t int_at(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? 0 : (json_int_t)strtoll(PQgetvalue(res, row, col), NULL, 10);
}

static json_t *text_at(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? json_null() : json_string(PQgetvalue(res, row, col));
}

/* {"kk": .., "ru": .., "en": ..} from three columns. */
static json_t *label_at(const PGresult *res, int row, int col)
{
	json_t *o = json_object();

	json_object_set_new(o, "kk", text_at(res, row, col));
	json_object_set_new(o, "ru", text_at(res, row, col + 1));
	json_object_set_new(o, "en", text_at(res, row, col + 2));
	return o;
}

/* {"proposals": .., "people": .., "supports": ..} from three columns. */
static json_t *measures_at(const PGresult *res, int row, int col)
{
	json_t *o = json_object();

	json_object_set_new(o, "proposals", json_integer(int_at(res, row, col)));
	json_object_set_new(o, "people", json_integer(int_at(res, row, col + 1)));
	json_object_set_new(o, "supports", json_integer(int_at(res, row, col + 2)));
	return o;
}

static json_t *day_json(long day)
{
	char text[PERIOD_DATE_LEN];

	period_format_date(day, text);
	return json_string(text);
}

/* Runs a report statement over [from, to]; the first parameter is the consultation. */
static PGresult *run_period(struct conn *c, const char *name, const struct consultation *k, long from,
			    long to, const char *what, struct agg_error *err)
{
	char a[PERIOD_DATE_LEN], b[PERIOD_DATE_LEN];
	const char *params[3] = { k->id, a, b };

	period_format_date(from, a);
	period_format_date(to, b);
	return conn_run(c, name, 3, params, what, err);
}

/*
 * Items of one dimension from rows in groups of four (stances 'all', support, oppose,
 * amend): key, label kk/ru/en, stance, proposals, people, supports. Each item: {"key",
 * "label", "all", "support", "oppose", "amend"}.
 */
static json_t *stanced_items(const PGresult *res, struct agg_error *err)
{
	json_t *items = json_array();
	int n = PQntuples(res);

	if (n % 4 != 0) {
		agg_fail(err, AGG_INTEGRITY, "a dimension's cells are not complete (%d rows)", n);
		return items;
	}
	for (int row = 0; row < n; row += 4) {
		json_t *item = json_object();

		json_object_set_new(item, "key", json_string(PQgetvalue(res, row, 0)));
		json_object_set_new(item, "label", label_at(res, row, 1));
		for (int i = 0; i < 4; i++) {
			if (strcmp(PQgetvalue(res, row + i, 4), stances[i]) != 0 ||
			    strcmp(PQgetvalue(res, row + i, 0), PQgetvalue(res, row, 0)) != 0)
				agg_fail(err, AGG_INTEGRITY, "unexpected cell order for %s",
					 PQgetvalue(res, row, 0));
			json_object_set_new(item, stances[i], measures_at(res, row + i, 5));
		}
		json_array_append_new(items, item);
	}
	return items;
}

static json_t *totals(struct conn *c, const struct consultation *k, long from, long to, struct agg_error *err)
{
	PGresult *res = run_period(c, "report_totals", k, from, to, "reading the totals", err);
	json_t *o;

	if (!res)
		return NULL;
	o = json_object();
	for (int i = 0; i < PQntuples(res) && i < 4; i++)
		json_object_set_new(o, PQgetvalue(res, i, 0), measures_at(res, i, 1));
	if (PQntuples(res) != 4)
		agg_fail(err, AGG_INTEGRITY, "the totals have %d stances, not 4", PQntuples(res));
	PQclear(res);
	return o;
}

static json_int_t proposals_of(const json_t *item, const char *stance)
{
	return json_integer_value(json_object_get(json_object_get(item, stance), "proposals"));
}

static json_t *parts(struct conn *c, const struct consultation *k, const struct report_period *p,
		     struct agg_error *err)
{
	PGresult *res = run_period(c, "report_parts", k, p->from, p->to, "reading the parts", err);
	json_t *items;
	size_t i;
	json_t *item;

	if (!res)
		return NULL;
	items = stanced_items(res, err);
	json_array_foreach(items, i, item)
	{
		int row = (int)i * 4;
		json_int_t yes = proposals_of(item, "support"), no = proposals_of(item, "oppose");
		json_t *level = json_object();

		json_object_set_new(item, "kind", json_string(PQgetvalue(res, row, 8)));
		json_object_set_new(item, "number",
				    PQgetisnull(res, row, 9) ? json_null()
							     : json_integer(int_at(res, row, 9)));
		json_object_set_new(item, "version", json_integer(int_at(res, row, 10)));
		json_object_set_new(item, "current",
				    json_boolean(strcmp(PQgetvalue(res, row, 11), "t") == 0));
		/* Support level: in favour / (in favour + against), by proposals, with its counts. */
		json_object_set_new(level, "support", json_integer(yes));
		json_object_set_new(level, "oppose", json_integer(no));
		json_object_set_new(level, "share",
				    yes + no ? json_real((double)yes / (double)(yes + no)) : json_null());
		json_object_set_new(item, "support_level", level);
		json_object_set_new(item, "top", json_array());
	}
	PQclear(res);
	return items;
}

static json_t *find_part(json_t *parts, const char *key, json_int_t version)
{
	size_t i;
	json_t *item;

	json_array_foreach(parts, i,
			   item) if (strcmp(json_string_value(json_object_get(item, "key")), key) == 0 &&
				     json_integer_value(json_object_get(item, "version")) ==
					     version) return item;
	return NULL;
}

/* Adds each part's most supported proposals to its "top". */
static bool top_proposals(struct conn *c, const struct agg_settings *s, const struct consultation *k,
			  const struct report_period *p, json_t *parts, struct agg_error *err)
{
	char from[PERIOD_DATE_LEN], to[PERIOD_DATE_LEN], limit[16], chars[16];
	const char *params[6] = { k->id, from, to, limit, chars, s->time_zone };
	PGresult *res;

	if (s->top_proposals == 0)
		return true;
	period_format_date(p->from, from);
	period_format_date(p->to, to);
	snprintf(limit, sizeof(limit), "%ld", s->top_proposals);
	snprintf(chars, sizeof(chars), "%ld", s->excerpt_chars);
	res = conn_run(c, "report_top", 6, params, "reading the most supported proposals", err);
	if (!res)
		return false;
	for (int row = 0; row < PQntuples(res); row++) {
		json_t *part = find_part(parts, PQgetvalue(res, row, 0), int_at(res, row, 1));
		json_t *o;

		if (!part)
			continue; /* a part of an old version without proposals in the period */
		o = json_object();
		json_object_set_new(o, "id", json_integer(int_at(res, row, 2)));
		json_object_set_new(o, "stance", json_string(PQgetvalue(res, row, 3)));
		json_object_set_new(o, "supports", json_integer(int_at(res, row, 4)));
		json_object_set_new(o, "date", json_string(PQgetvalue(res, row, 5)));
		json_object_set_new(o, "lang", json_string(PQgetvalue(res, row, 6)));
		json_object_set_new(o, "region", json_string(PQgetvalue(res, row, 7)));
		json_object_set_new(o, "new", json_boolean(strcmp(PQgetvalue(res, row, 8), "t") == 0));
		json_object_set_new(o, "excerpt", json_string(PQgetvalue(res, row, 9)));
		json_array_append_new(json_object_get(part, "top"), o);
	}
	PQclear(res);
	return true;
}

static json_t *weeks(struct conn *c, const struct consultation *k, const struct report_period *p,
		     struct agg_error *err)
{
	long first = k->opens_on < p->from ? k->opens_on : p->from;
	PGresult *res = run_period(c, "report_weeks", k, first, p->to, "reading the weekly trend", err);
	json_t *items;

	if (!res)
		return NULL;
	items = json_array();
	for (int row = 0; row < PQntuples(res); row++) {
		json_t *o = json_object();
		char week[PERIOD_WEEK_LEN];
		long monday;

		if (!period_parse_date(PQgetvalue(res, row, 0), &monday)) {
			agg_fail(err, AGG_FAILED, "unexpected date from the database");
			break;
		}
		period_format_week(monday, week);
		json_object_set_new(o, "week", json_string(week));
		json_object_set_new(o, "from", text_at(res, row, 1));
		json_object_set_new(o, "to", text_at(res, row, 2));
		json_object_set_new(o, "proposals", json_integer(int_at(res, row, 3)));
		json_object_set_new(o, "people", json_integer(int_at(res, row, 4)));
		json_object_set_new(o, "supports", json_integer(int_at(res, row, 5)));
		json_array_append_new(items, o);
	}
	PQclear(res);
	return items;
}

/* {"topics": [slug...], "rows": [{"key", "version", "counts": [...]}]}: parts with proposals. */
static json_t *heatmap(struct conn *c, const struct consultation *k, const struct report_period *p,
		       const json_t *topics, struct agg_error *err)
{
	PGresult *res = run_period(c, "report_heatmap", k, p->from, p->to, "reading parts x topics", err);
	json_t *o, *slugs, *rows, *row_counts = NULL;
	size_t ntopics = json_array_size(topics);
	const char *last_key = NULL;
	json_int_t last_version = -1;

	if (!res)
		return NULL;
	o = json_object();
	slugs = json_array();
	rows = json_array();
	for (size_t t = 0; t < ntopics; t++)
		json_array_append(slugs, json_object_get(json_array_get(topics, t),
							 "key")); /* borrowed: append increfs */
	for (int r = 0; r < PQntuples(res); r++) {
		const char *key = PQgetvalue(res, r, 0), *slug = PQgetvalue(res, r, 2);
		json_int_t version = int_at(res, r, 1);

		if (!last_key || strcmp(key, last_key) != 0 || version != last_version) {
			json_t *row = json_object();

			row_counts = json_array();
			for (size_t t = 0; t < ntopics; t++)
				json_array_append_new(row_counts, json_integer(0));
			json_object_set_new(row, "key", json_string(key));
			json_object_set_new(row, "version", json_integer(version));
			json_object_set_new(row, "counts", row_counts);
			json_array_append_new(rows, row);
			last_key = key;
			last_version = version;
		}
		for (size_t t = 0; t < ntopics; t++)
			if (strcmp(json_string_value(json_array_get(slugs, t)), slug) == 0)
				json_array_set_new(row_counts, t, json_integer(int_at(res, r, 3)));
	}
	json_object_set_new(o, "topics", slugs);
	json_object_set_new(o, "rows", rows);
	PQclear(res);
	return o;
}

/* {"proposals", "texts", "campaigns", "burst_per_minute", "items": [...]}: published
 * proposals of the period with and without each campaign collapsed to one text, and the
 * largest campaigns of the period (sql/aggregator/report_campaigns.sql), each with its
 * representative text cut ("excerpt") and in full ("text"). */
static json_t *campaigns(struct conn *c, const struct agg_settings *s, const struct consultation *k,
			 const struct report_period *p, struct agg_error *err)
{
	char from[PERIOD_DATE_LEN], to[PERIOD_DATE_LEN], limit[16], chars[16], burst[16];
	const char *params[7] = { k->id, from, to, s->time_zone, limit, chars, burst };
	PGresult *res;
	json_t *o, *items;

	period_format_date(p->from, from);
	period_format_date(p->to, to);
	snprintf(limit, sizeof(limit), "%ld", s->campaigns_shown);
	snprintf(chars, sizeof(chars), "%ld", s->excerpt_chars);
	snprintf(burst, sizeof(burst), "%ld", s->campaign_burst);
	res = conn_run_row(c, "report_campaign_totals", 4, params, "counting distinct texts", err);
	if (!res)
		return NULL;
	o = json_object();
	json_object_set_new(o, "proposals", json_integer(int_at(res, 0, 0)));
	json_object_set_new(o, "texts", json_integer(int_at(res, 0, 1)));
	json_object_set_new(o, "campaigns", json_integer(int_at(res, 0, 2)));
	json_object_set_new(o, "burst_per_minute", json_integer(s->campaign_burst));
	PQclear(res);
	res = conn_run(c, "report_campaigns", 7, params, "reading the campaigns", err);
	if (!res) {
		json_decref(o);
		return NULL;
	}
	items = json_array();
	for (int row = 0; row < PQntuples(res); row++) {
		json_t *item = json_object();

		json_object_set_new(item, "id", json_integer(int_at(res, row, 0)));
		json_object_set_new(item, "proposals", json_integer(int_at(res, row, 1)));
		json_object_set_new(item, "people", json_integer(int_at(res, row, 2)));
		json_object_set_new(item, "texts", json_integer(int_at(res, row, 3)));
		json_object_set_new(item, "first", text_at(res, row, 4));
		json_object_set_new(item, "last", text_at(res, row, 5));
		json_object_set_new(item, "peak_per_minute", json_integer(int_at(res, row, 6)));
		json_object_set_new(item, "peak_minute", text_at(res, row, 7));
		json_object_set_new(item, "burst", json_boolean(strcmp(PQgetvalue(res, row, 8), "t") == 0));
		json_object_set_new(item, "regions", json_loads(PQgetvalue(res, row, 9), 0, NULL));
		json_object_set_new(item, "channels", json_loads(PQgetvalue(res, row, 10), 0, NULL));
		json_object_set_new(item, "excerpt", text_at(res, row, 11));
		json_object_set_new(item, "size", json_integer(int_at(res, row, 12)));
		json_object_set_new(item, "text", text_at(res, row, 13));
		json_array_append_new(items, item);
	}
	json_object_set_new(o, "items", items);
	PQclear(res);
	return o;
}

/* [{"key", "version", "label", "positions", "unplaced"}]: the positions of the parts the
 * report covers (its "parts"), with the comparative table's counts and decisions as they
 * stand now; a part without positions is left out. */
static json_t *positions(struct conn *c, const struct consultation *k, const json_t *parts,
			 struct agg_error *err)
{
	PGresult *res =
		conn_run(c, "report_positions", 1, (const char *[]){ k->id }, "reading the positions", err);
	json_t *out, *part;
	size_t i;

	if (!res)
		return NULL;
	out = json_array();
	for (int row = 0; row < PQntuples(res); row++) {
		json_t *table = json_loads(PQgetvalue(res, row, 0), 0, NULL), *tp;
		json_int_t version = json_integer_value(json_object_get(table, "version"));
		size_t j;

		json_array_foreach(parts, i, part)
		{
			if (json_integer_value(json_object_get(part, "version")) != version)
				continue;
			json_array_foreach(json_object_get(table, "parts"), j,
					   tp) if (strcmp(json_string_value(json_object_get(tp, "part")),
							  json_string_value(json_object_get(part, "key"))) ==
							   0 &&
						   json_array_size(json_object_get(tp, "positions")) > 0)
			{
				/* json_pack's "O" takes a new reference: table is dropped below */
				json_array_append_new(
					out,
					json_pack("{s:s, s:I, s:O, s:O, s:O, s:O}", "key",
						  json_string_value(json_object_get(part, "key")), "version",
						  version, "current", json_object_get(part, "current"),
						  "label", json_object_get(part, "label"), "positions",
						  json_object_get(tp, "positions"), "unplaced",
						  json_object_get(tp, "unplaced")));
			}
		}
		json_decref(table);
	}
	PQclear(res);
	return out;
}

static json_t *period_json(long from, long to)
{
	json_t *o = json_object();

	json_object_set_new(o, "from", day_json(from));
	json_object_set_new(o, "to", day_json(to));
	json_object_set_new(o, "days", json_integer(to - from + 1));
	return o;
}

json_t *report_data_build(struct conn *c, const struct agg_settings *s, const struct consultation *k,
			  const struct report_period *p, const char *status, const char *cut_off,
			  struct agg_error *err)
{
	static const char *const kinds[] = { "session", "week", "range" };
	json_t *doc = json_object(), *o, *list;
	PGresult *res;

	json_object_set_new(doc, "format", json_string("kenes-report/1"));
	o = json_object();
	json_object_set_new(o, "slug", json_string(k->slug));
	json_object_set_new(
		o, "title",
		json_pack("{s:s, s:s, s:s}", "kk", k->title[0], "ru", k->title[1], "en", k->title[2]));
	json_object_set_new(doc, "consultation", o);
	json_object_set_new(doc, "kind", json_string(kinds[p->kind]));
	if (p->kind == REPORT_SESSION)
		json_object_set_new(doc, "session",
				    json_pack("{s:I, s:s, s:s}", "number", (json_int_t)p->session, "date",
					      p->session_date, "title", p->session_title));
	else
		json_object_set_new(doc, "session", json_null());
	json_object_set_new(doc, "week", p->kind == REPORT_WEEK ? json_string(p->week) : json_null());
	json_object_set_new(doc, "period", period_json(p->from, p->to));
	json_object_set_new(doc, "previous",
			    p->has_previous ? period_json(p->previous_from, p->previous_to) : json_null());
	json_object_set_new(doc, "status", json_string(status));
	json_object_set_new(doc, "time_zone", json_string(s->time_zone));
	json_object_set_new(doc, "cut_off", json_string(cut_off));

	o = json_object();
	json_object_set_new(o, "period", totals(c, k, p->from, p->to, err));
	json_object_set_new(o, "previous",
			    p->has_previous && err->status == AGG_OK
				    ? totals(c, k, p->previous_from, p->previous_to, err)
				    : json_null());
	json_object_set_new(doc, "totals", o);

	if (err->status == AGG_OK && (list = parts(c, k, p, err)) != NULL) {
		json_object_set_new(doc, "parts", list);
		top_proposals(c, s, k, p, list, err);
	}
	if (err->status == AGG_OK &&
	    (res = run_period(c, "report_topics", k, p->from, p->to, "reading the topics", err)) != NULL) {
		json_object_set_new(doc, "topics", stanced_items(res, err));
		PQclear(res);
	}
	if (err->status == AGG_OK &&
	    (res = run_period(c, "report_regions", k, p->from, p->to, "reading the regions", err)) != NULL) {
		json_object_set_new(doc, "regions", stanced_items(res, err));
		PQclear(res);
	}
	if (err->status == AGG_OK && (res = run_period(c, "report_channels", k, p->from, p->to,
						       "reading the channels", err)) != NULL) {
		json_object_set_new(doc, "channels", stanced_items(res, err));
		PQclear(res);
	}
	if (err->status == AGG_OK && (list = weeks(c, k, p, err)) != NULL)
		json_object_set_new(doc, "weeks", list);
	if (err->status == AGG_OK && (o = heatmap(c, k, p, json_object_get(doc, "topics"), err)) != NULL)
		json_object_set_new(doc, "heatmap", o);
	if (err->status == AGG_OK && (o = campaigns(c, s, k, p, err)) != NULL)
		json_object_set_new(doc, "campaigns", o);
	if (err->status == AGG_OK && (list = positions(c, k, json_object_get(doc, "parts"), err)) != NULL)
		json_object_set_new(doc, "positions", list);
	if (err->status != AGG_OK) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}
