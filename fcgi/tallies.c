#include "tallies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "csv.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "params.h"
#include "reply.h"
#include "text.h"
#include "util.h"

/* What `by` may be: the statement that answers it and the part kind it keeps. */
static const struct tallies_dimension {
	const char *by;
	const char *statement;
	const char *kind;  /* "article", or NULL for every part (only for part statements) */
	bool has_kind;     /* the statement takes the kind as $5 */
	bool has_version;  /* the statement returns the draft version as column 8, and takes
			     the `version` parameter as $6 when it has_kind */
	bool has_lineage;  /* and the lineage JSON as column 9 */
	const char *cells; /* the cells' dim, as $7 (tally_part_located), or NULL */
} dimensions[] = {
	{ "article", "tally_part", "article", true, true, false },
	{ "part", "tally_part", NULL, true, true, false },
	{ "topic", "tally_topic", NULL, false, false, false },
	{ "region", "tally_region", NULL, false, false, false },
	{ "channel", "tally_channel", NULL, false, false, false },
	{ "week", "tally_week", NULL, false, false, false },
	{ "article,topic", "tally_part_topic", "article", true, true, false },
	{ "part,topic", "tally_part_topic", NULL, true, true, false },
	{ "part,region", "tally_part_located", NULL, true, true, false, "part_region" },
	{ "part,channel", "tally_part_located", NULL, true, true, false, "part_channel" },
	{ "identity", "tally_identity", NULL, false, true, true },
};

static const char *const parameters[] = { "consultation", "by",   "from", "to",     "stance",
					  "format",       "lang", "bom",  "version" };
static const char *const stances[] = { "all", "support", "oppose", "amend" };

/* Reads and checks the query string; every problem is gathered into errs. */
void tallies_parse(const struct form *f, void *query, struct errors *errs)
{
	struct tallies_query *q = query;
	const struct form_field *v;

	memset(q, 0, sizeof(*q));
	q->dim = &dimensions[0];
	params_check_names(f, parameters, ARRAY_LEN(parameters), NULL, errs);
	q->consultation = params_consultation(f, errs);
	if ((v = form_get(f, "by"))) {
		q->by = v->value;
		q->dim = NULL;
		for (size_t i = 0; i < sizeof(dimensions) / sizeof(dimensions[0]); i++)
			if (strcmp(v->value, dimensions[i].by) == 0)
				q->dim = &dimensions[i];
		if (!q->dim)
			errors_add(errs, ERROR_INVALID, "invalid_by", "by",
				   "by must be article, part, topic, region, channel, week, article,topic, "
				   "part,topic, part,region, part,channel or identity");
	}
	if ((v = form_get(f, "version"))) {
		long n;

		q->version = v->value;
		if (strcmp(v->value, "all") != 0 && strcmp(v->value, "current") != 0 &&
		    (v->value[0] == '0' || !parse_long(v->value, 1, 9999, &n)))
			errors_add(errs, ERROR_INVALID, "invalid_version", "version",
				   "version must be all, current or a version number");
		else if (q->dim && !(q->dim->has_kind && q->dim->has_version))
			errors_add(errs, ERROR_INVALID, "invalid_version", "version",
				   "version applies to by=article, part, article,topic, part,topic, "
				   "part,region and part,channel");
	}
	if ((v = form_get(f, "from")) && *v->value) {
		q->from = v->value;
		if (!text_is_date_shaped(q->from))
			errors_add(errs, ERROR_INVALID, "invalid_date", "from",
				   "from must be a date like 2026-02-01");
	}
	if ((v = form_get(f, "to")) && *v->value) {
		q->to = v->value;
		if (!text_is_date_shaped(q->to))
			errors_add(errs, ERROR_INVALID, "invalid_date", "to",
				   "to must be a date like 2026-02-28");
	}
	if (q->from && q->to && text_is_date_shaped(q->from) && text_is_date_shaped(q->to) &&
	    strcmp(q->from, q->to) > 0)
		errors_add(errs, ERROR_INVALID, "invalid_range", "from", "from is after to");
	if ((v = form_get(f, "stance")) && strcmp(v->value, "all") != 0) {
		q->stance = v->value;
		if (!params_one_of(q->stance, stances + 1, 3))
			errors_add(errs, ERROR_INVALID, "invalid_stance", "stance",
				   "stance must be support, oppose, amend or all");
	}
	if ((v = form_get(f, "format")))
		q->csv = params_format_csv(v->value, errs);
	q->lang = params_lang(f, "en", errs);
	q->bom = params_bom(f, errs);
}

static json_t *measures(const PGresult *res, int row)
{
	return json_pack("{s:I, s:I, s:I}", "proposals",
			 (json_int_t)strtoll(PQgetvalue(res, row, 5), NULL, 10), "people",
			 (json_int_t)strtoll(PQgetvalue(res, row, 6), NULL, 10), "supports",
			 (json_int_t)strtoll(PQgetvalue(res, row, 7), NULL, 10));
}

static json_int_t proposals_of(const json_t *stances_obj, const char *stance)
{
	return json_integer_value(json_object_get(json_object_get(stances_obj, stance), "proposals"));
}

/* Rows come sorted by key, then stance ('all' first). Without a stance filter, one JSON
 * row per key with 'all' at the top level and the three stances under "stances". */
static json_t *rows_json(const PGresult *res, const struct tallies_query *q)
{
	json_t *rows = json_array(), *row = NULL;
	bool parts = strcmp(q->dim->statement, "tally_part") == 0 || q->dim->has_lineage;

	for (int i = 0; i < PQntuples(res); i++) {
		const char *stance = PQgetvalue(res, i, 4);

		if (!row ||
		    strcmp(json_string_value(json_object_get(row, "key")), PQgetvalue(res, i, 0)) != 0) {
			row = json_pack("{s:s, s:{s:s, s:s, s:s}}", "key", PQgetvalue(res, i, 0), "label",
					"kk", PQgetvalue(res, i, 1), "ru", PQgetvalue(res, i, 2), "en",
					PQgetvalue(res, i, 3));
			if (q->dim->has_version)
				json_object_set_new(row, "version",
						    json_integer(strtoll(PQgetvalue(res, i, 8), NULL, 10)));
			if (q->dim->has_lineage) /* NULL (not JSON) leaves it out */
				json_object_set_new(row, "lineage",
						    json_loads(PQgetvalue(res, i, 9), 0, NULL));
			if (q->stance)
				json_object_set_new(row, "stance", json_string(q->stance));
			json_array_append_new(rows, row); /* the array keeps a reference; row stays usable */
		}
		if (strcmp(stance, "all") == 0 || q->stance) {
			json_t *m = measures(res, i);

			json_object_update(row, m); /* copies the members; m is ours to drop */
			json_decref(m);
		} else {
			json_t *by = json_object_get(row, "stances");

			if (!by) {
				by = json_object();
				json_object_set_new(row, "stances", by);
			}
			json_object_set_new(by, stance, measures(res, i));
		}
	}
	/* Support level per part: in favour / (in favour + against), by proposals, with counts. */
	if (parts && !q->stance) {
		size_t i;

		json_array_foreach(rows, i, row)
		{
			json_t *by = json_object_get(row, "stances");
			json_int_t yes = proposals_of(by, "support"), no = proposals_of(by, "oppose");

			json_object_set_new(row, "support_level",
					    json_pack("{s:I, s:I, s:o}", "support", yes, "oppose", no,
						      "share",
						      yes + no ? json_real((double)yes / (double)(yes + no))
							       : json_null()));
		}
	}
	return rows;
}

static void reply_csv(struct request *req, const PGresult *res, const struct tallies_query *q)
{
	int label_col = strcmp(q->lang, "kk") == 0 ? 1 : strcmp(q->lang, "ru") == 0 ? 2 : 3;
	char disposition[160];

	req->status = 200;
	req->out_type = "text/csv; charset=utf-8";
	buf_reset(&req->out);
	if (q->bom)
		buf_puts(&req->out, "\xef\xbb\xbf");
	/* Parts of two versions may share a key ("article:5"): their rows say which version. */
	buf_puts(&req->out, q->dim->has_version ? "key,label,stance,proposals,people,supports,version\r\n"
						: "key,label,stance,proposals,people,supports\r\n");
	for (int i = 0; i < PQntuples(res); i++) {
		csv_put(&req->out, PQgetvalue(res, i, 0), true);
		csv_put(&req->out, PQgetvalue(res, i, label_col), false);
		for (int col = 4; col <= 7; col++)
			csv_put(&req->out, PQgetvalue(res, i, col), false);
		if (q->dim->has_version)
			csv_put(&req->out, PQgetvalue(res, i, 8), false);
		buf_puts(&req->out, "\r\n");
	}
	/* article,topic and part,topic are both "part-topic"; part,region "part-region". */
	snprintf(disposition, sizeof(disposition), "attachment; filename=\"kenes-tallies-%s%s.csv\"",
		 strchr(q->dim->by, ',') ? "part-" : q->dim->by,
		 strchr(q->dim->by, ',') ? strchr(q->dim->by, ',') + 1 : "");
	reply_header(req, "Content-Disposition", disposition);
}

/*
 * Campaign-collapsed counts (all-time, so only without from/to): "campaigns": {"proposals",
 * "texts"} for the consultation, and "texts" on each part row. Rows without a count yet (no
 * campaign refresh) are left as they are. False when the statement failed.
 */
static bool add_texts(struct request *req, json_t *doc, const char *consultation_id,
		      const struct tallies_query *q)
{
	const char *params[2] = { consultation_id, q->stance };
	bool parts = strcmp(q->dim->statement, "tally_part") == 0;
	json_t *rows = json_object_get(doc, "rows"), *row;
	PGresult *res;
	size_t k;

	if (q->from || q->to)
		return true;
	res = db_run(req->read_db, "tally_texts", 2, params);
	if (!res)
		return false;
	json_array_foreach(rows, k, row) /* a part nobody wrote about has no count row */
		if (parts && PQntuples(res) > 0) json_object_set_new(row, "texts", json_integer(0));
	for (int i = 0; i < PQntuples(res); i++) {
		json_int_t proposals = strtoll(PQgetvalue(res, i, 2), NULL, 10),
			   texts = strtoll(PQgetvalue(res, i, 3), NULL, 10);

		if (PQgetisnull(res, i, 0)) {
			json_object_set_new(doc, "campaigns",
					    json_pack("{s:I, s:I}", "proposals", proposals, "texts", texts));
			continue;
		}
		json_array_foreach(rows, k, row) if (parts &&
						     strcmp(json_string_value(json_object_get(row, "key")),
							    PQgetvalue(res, i, 0)) == 0 &&
						     json_integer_value(json_object_get(row, "version")) ==
							     strtoll(PQgetvalue(res, i, 1), NULL, 10))
			json_object_set_new(row, "texts", json_integer(texts));
	}
	PQclear(res);
	return true;
}

/* The tallies' state, the version check and the dimension's statement: *meta and *res are
 * the caller's to PQclear (NULL when not reached). */
static enum tallies_outcome run(struct request *req, const struct tallies_query *q, PGresult **meta,
				PGresult **res)
{
	const char *params[7] = { q->consultation, q->from, q->to, NULL, NULL, NULL, NULL };

	*res = NULL;
	if (!(*meta = db_run(req->read_db, "tally_meta", 3, params)))
		return TALLIES_DB_FAILED;
	if (strcmp(PQgetvalue(*meta, 0, 2), "1") != 0)
		return q->consultation ? TALLIES_UNKNOWN_CONSULTATION : TALLIES_CONSULTATION_REQUIRED;
	if (PQgetisnull(*meta, 0, 4))
		return TALLIES_NOT_READY;
	params[0] = PQgetvalue(*meta, 0, 0);
	if (q->version && strcmp(q->version, "all") != 0 && strcmp(q->version, "current") != 0) {
		const char *vp[2] = { params[0], q->version };
		PGresult *known = db_run(req->read_db, "tally_version_known", 2, vp);
		bool ok = known && strcmp(PQgetvalue(known, 0, 0), "t") == 0;

		PQclear(known);
		if (!known)
			return TALLIES_DB_FAILED;
		if (!ok)
			return TALLIES_UNKNOWN_VERSION;
	}
	params[3] = q->stance;
	params[4] = q->dim->kind;
	params[5] = q->version;
	params[6] = q->dim->cells;
	*res = db_run(req->read_db, q->dim->statement, q->dim->cells ? 7 : q->dim->has_kind ? 6 : 4, params);
	return *res ? TALLIES_OK : TALLIES_DB_FAILED;
}

/* The JSON document of a run, with the campaign-collapsed counts; NULL when they failed. */
static json_t *document(struct request *req, const struct tallies_query *q, const PGresult *meta,
			const PGresult *res)
{
	json_t *doc = json_pack("{s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s, s:o}", "consultation",
				PQgetvalue(meta, 0, 1), "by", q->dim->by, "from", q->from, "to", q->to,
				"stance", q->stance, "time_zone", PQgetvalue(meta, 0, 3), "refreshed_at",
				PQgetvalue(meta, 0, 4), "rows", rows_json(res, q));

	if (q->version) /* echoed only when asked, so answers without it stay as they were */
		json_object_set_new(doc, "version", json_string(q->version));
	if (!add_texts(req, doc, PQgetvalue(meta, 0, 0), q)) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}

enum tallies_outcome tallies_load(struct request *req, const struct tallies_query *q, json_t **doc)
{
	PGresult *meta = NULL, *res = NULL;
	enum tallies_outcome outcome = run(req, q, &meta, &res);

	*doc = NULL;
	if (outcome == TALLIES_OK && !(*doc = document(req, q, meta, res)))
		outcome = TALLIES_DB_FAILED;
	PQclear(res);
	PQclear(meta);
	return outcome;
}

void tallies_handle(struct request *req, const struct route_match *m)
{
	struct form f = { .count = 0 };
	struct tallies_query q;
	PGresult *meta = NULL, *res = NULL;
	json_t *doc;
	char *text;

	(void)m;
	if (!params_read_or_reply(req, &f, tallies_parse, &q))
		goto out;
	switch (run(req, &q, &meta, &res)) {
	case TALLIES_OK:
		break;
	case TALLIES_UNKNOWN_CONSULTATION:
		reply_error(req, 404, "unknown_consultation", "there is no such consultation");
		goto out;
	case TALLIES_CONSULTATION_REQUIRED:
		reply_error(req, 422, "consultation_required",
			    "there is no consultation, or several and not one open: name one with "
			    "?consultation=");
		goto out;
	case TALLIES_NOT_READY:
		reply_header(req, "Retry-After", "60");
		reply_error(req, 503, "not_ready",
			    "the tallies have not been computed yet (kenes-aggregator refresh)");
		goto out;
	case TALLIES_UNKNOWN_VERSION:
		reply_error(req, 422, "unknown_version", "this consultation has no such draft version");
		goto out;
	case TALLIES_DB_FAILED:
		reply_db_failure(req, req->read_db, "the tallies");
		goto out;
	}
	if (q.csv) {
		reply_csv(req, res, &q);
		goto out;
	}
	if (!(doc = document(req, &q, meta, res))) {
		reply_db_failure(req, req->read_db, "tally_texts");
		goto out;
	}
	/* Four significant digits for the support share; reply_json would print seventeen. */
	text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(4));
	json_decref(doc);
	reply_json_text(req, 200, text ? text : "{}");
	free(text);
out:
	PQclear(res);
	PQclear(meta);
	form_free(&f);
}
