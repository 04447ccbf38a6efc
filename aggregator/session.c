#include "session.h"

#include <string.h>

#include "consultation.h"
#include "db.h"
#include "log.h"
#include "period.h"

bool session_add(struct conn *c, const struct agg_settings *s, const char *consultation, long number,
		 const char *date, const char *title, struct agg_error *err)
{
	struct consultation k;
	char n[24];
	const char *params[4] = { NULL, n, date, title };
	PGresult *res;
	long day;
	size_t chars = 0;

	if (!period_parse_date(date, &day))
		return agg_fail(err, AGG_USAGE, "the session date must be a date like 2026-02-05, not \"%s\"",
				date);
	for (const char *p = title; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars == 0 || chars > 300)
		return agg_fail(err, AGG_USAGE, "the session title must have 1 to 300 characters");
	if (!consultation_find(c, consultation, s->time_zone, &k, err))
		return false;
	params[0] = k.id;
	snprintf(n, sizeof(n), "%ld", number);
	/* Not in a transaction: db_run directly, to tell the refusals apart by SQLSTATE. */
	res = db_run(c->db, "session_add", 4, params);
	if (res) {
		log_info("recorded session %ld of %s on %s", number, k.slug, date);
		PQclear(res);
	} else if (strcmp(db_last_error(c->db)->sqlstate, "23505") == 0) {
		agg_fail(err, AGG_USAGE, "%s already has a session numbered %ld or held on %s", k.slug,
			 number, date);
	} else if (strcmp(db_last_error(c->db)->sqlstate, "23514") == 0) {
		agg_fail(err, AGG_USAGE,
			 "session %ld on %s is out of order: sessions are numbered in the order of their "
			 "dates",
			 number, date);
	} else {
		agg_fail_db(err, c->db, "recording the session");
	}
	consultation_free(&k);
	return res != NULL;
}

bool session_list(struct conn *c, const struct agg_settings *s, const char *consultation, FILE *out,
		  struct agg_error *err)
{
	struct consultation k;
	const char *params[2] = { NULL, s->time_zone };
	PGresult *res;

	if (!consultation_find(c, consultation, s->time_zone, &k, err))
		return false;
	params[0] = k.id;
	res = conn_run(c, "session_list", 2, params, "listing the sessions", err);
	if (res) {
		fprintf(out, "%-6s  %-10s  %-23s  %-20s  %s\n", "number", "date", "period", "issued",
			"title");
		for (int i = 0; i < PQntuples(res); i++)
			fprintf(out, "%-6s  %-10s  %s..%s  %-20s  %s\n", PQgetvalue(res, i, 0),
				PQgetvalue(res, i, 1), PQgetvalue(res, i, 3), PQgetvalue(res, i, 4),
				PQgetisnull(res, i, 5) ? "-" : PQgetvalue(res, i, 5), PQgetvalue(res, i, 2));
		if (PQntuples(res) == 0)
			fprintf(out,
				"(no sessions recorded for %s; add one with `kenes-aggregator session add N "
				"DATE TITLE`)\n",
				k.slug);
		PQclear(res);
	}
	consultation_free(&k);
	return res != NULL;
}
