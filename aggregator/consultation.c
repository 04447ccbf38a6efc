#include "consultation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "period.h"
#include "util.h"

static bool parse_day(const PGresult *res, int row, int col, long *day)
{
	if (PQgetisnull(res, row, col)) {
		*day = -1;
		return true;
	}
	return period_parse_date(PQgetvalue(res, row, col), day);
}

bool consultation_find(struct conn *c, const char *slug, const char *time_zone, struct consultation *out,
		       struct agg_error *err)
{
	const char *params[2] = { slug, time_zone };
	PGresult *res = conn_run(c, "consultation_find", 2, params, "finding the consultation", err);
	bool ok = false;
	int row = -1;

	memset(out, 0, sizeof(*out));
	if (!res)
		return false;
	if (PQntuples(res) == 0) {
		if (slug)
			agg_fail(err, AGG_NOT_FOUND, "there is no consultation \"%s\"", slug);
		else
			agg_fail(err, AGG_NOT_FOUND,
				 "there is no consultation (load one with sql/migrate --load)");
		goto out;
	}
	/* Several: the one that is open, when only one is. */
	for (int i = 0; i < PQntuples(res) && PQntuples(res) > 1; i++)
		if (strcmp(PQgetvalue(res, i, 7), "open") == 0)
			row = row < 0 ? i : -2;
	if (PQntuples(res) == 1)
		row = 0;
	if (row < 0) {
		struct buf names;

		buf_init(&names, 1024);
		for (int i = 0; i < PQntuples(res); i++)
			buf_printf(&names, "%s%s", i ? ", " : "", PQgetvalue(res, i, 1));
		agg_fail(err, AGG_USAGE,
			 "there are several consultations (%s) and not one open among them: pass "
			 "--consultation SLUG",
			 names.data);
		buf_free(&names);
		goto out;
	}
	snprintf(out->id, sizeof(out->id), "%s", PQgetvalue(res, row, 0));
	out->slug = xstrdup(PQgetvalue(res, row, 1));
	for (int l = 0; l < 3; l++)
		out->title[l] = xstrdup(PQgetvalue(res, row, 2 + l));
	if (!parse_day(res, row, 5, &out->opens_on) || !parse_day(res, row, 6, &out->closes_on) ||
	    !parse_day(res, row, 8, &out->today)) {
		agg_fail(err, AGG_FAILED, "unexpected date from the database");
		goto out;
	}
	ok = true;
out:
	PQclear(res);
	return ok;
}

void consultation_free(struct consultation *k)
{
	free(k->slug);
	for (int l = 0; l < 3; l++)
		free(k->title[l]);
	memset(k, 0, sizeof(*k));
}
