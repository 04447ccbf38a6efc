/*
 * tallies.h - GET /api/v1/tallies: the aggregator's tallies for analysts, read from the
 * summary tables (sql/migrations/010), as JSON or CSV. Needs an analyst or staff token.
 *
 *   ?consultation=SLUG  (default: the only one not in draft, or among several the open one)
 *   &by=article|part|topic|region|channel|week|article,topic|part,topic|part,region|
 *       part,channel|identity  (default article)
 *   &from=YYYY-MM-DD&to=YYYY-MM-DD  (local days, both included; default: all time)
 *   &stance=support|oppose|amend|all  (default: every stance, grouped per row)
 *   &format=json|csv  &lang=kk|ru|en (CSV labels, default en)  &bom=1 (CSV for Excel)
 */
#ifndef KENES_TALLIES_H
#define KENES_TALLIES_H

#include <jansson.h>
#include <stdbool.h>

#include "errors.h"
#include "form.h"
#include "routes.h"

struct tallies_dimension; /* what `by` names: its statement (tallies.c) */

/* A checked query; its strings borrow from the form it was read from. */
struct tallies_query {
	const char *consultation, *from, *to, *stance, *lang;
	const char *by;      /* as asked, or NULL for the default (article) */
	const char *version; /* "all", "current", a number, or NULL (see tally_part.sql) */
	const struct tallies_dimension *dim;
	bool csv, bom;
};

enum tallies_outcome {
	TALLIES_OK,
	TALLIES_UNKNOWN_CONSULTATION,  /* ?consultation= names none (404) */
	TALLIES_CONSULTATION_REQUIRED, /* none named and none chosen by default (422) */
	TALLIES_NOT_READY,             /* never refreshed (503) */
	TALLIES_UNKNOWN_VERSION,       /* a version number the consultation lacks (422) */
	TALLIES_DB_FAILED,             /* a statement failed (logged by db_run) */
};

/* Its row in routes.c checks the method and the token. */
route_handler tallies_handle;

/* Reads the API's parameters from f into *query (a struct tallies_query); every problem is
 * added to errs (the messages the API answers with). A params_parse. */
void tallies_parse(const struct form *f, void *query, struct errors *errs);
/* Runs the query as GET /api/v1/tallies does, with the same statements: on TALLIES_OK *doc is
 * the API's JSON document (new reference, the caller's), else NULL. Answers nothing. */
enum tallies_outcome tallies_load(struct request *req, const struct tallies_query *q, json_t **doc);

#endif
