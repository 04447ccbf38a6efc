#include "outcome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "errors.h"
#include "log.h"
#include "reply.h"
#include "util.h"

bool outcome_read_row(PGresult *res, int row, int col, struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	if (row >= PQntuples(res) || PQnfields(res) < col + 4)
		return false;
	o->status = atoi(PQgetvalue(res, row, col));
	snprintf(o->code, sizeof(o->code), "%s", PQgetvalue(res, row, col + 1));
	if (!PQgetisnull(res, row, col + 2))
		o->body = xstrdup(PQgetvalue(res, row, col + 2));
	o->retry_after = PQgetisnull(res, row, col + 3) ? 0 : atoi(PQgetvalue(res, row, col + 3));
	return o->status >= 100 && o->status < 600;
}

bool outcome_read(PGresult *res, struct outcome *o)
{
	return PQntuples(res) == 1 && outcome_read_row(res, 0, 0, o);
}

void outcome_free(struct outcome *o)
{
	free(o->body);
	o->body = NULL;
}

const char *outcome_message(const struct outcome_text *texts, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(texts[i].code, code) == 0)
			return texts[i].message;
	return "the request could not be completed";
}

void outcome_reply_error(struct request *req, const struct outcome *o)
{
	static const struct outcome_text messages[] = {
		{ "request_in_flight",
		  "a request with this Idempotency-Key is still being processed; retry shortly" },
		{ "idempotency_key_reused", "this Idempotency-Key was used with a different request" },
		{ "rate_limited", "too many requests from this person; retry later" },
		{ "not_found", "no such proposal" },
		{ "consultation_closed", "the consultation is not accepting this any more" },
		{ "unknown_target", "the current draft has no such part" },
	};
	char seconds[16];

	if (o->retry_after > 0) {
		snprintf(seconds, sizeof(seconds), "%d", o->retry_after);
		reply_header(req, "Retry-After", seconds);
	}
	reply_error(req, o->status, o->code, outcome_message(messages, ARRAY_LEN(messages), o->code));
}

void outcome_reply_action(struct request *req, const struct outcome *o, const char *who,
			  const char *not_found, const struct outcome_text *texts, size_t n)
{
	struct errors errs = { .count = 0 };

	if (o->status == 200 || o->status == 201) {
		reply_json_text(req, o->status, o->body ? o->body : "{}");
	} else if (o->status == 401) { /* revoked between the two look-ups */
		reply_header(req, "WWW-Authenticate", "Bearer realm=\"kenes\", error=\"invalid_token\"");
		reply_error(req, 401, "invalid_token", "the bearer token is unknown or revoked");
	} else if (o->status == 403) {
		reply_error(req, 403, "forbidden", "this token's role may not use this resource");
	} else if (o->status == 404) {
		reply_error(req, 404, "not_found", not_found);
	} else if (o->status == 409) {
		reply_error(req, 409, o->code, outcome_message(texts, n, o->code));
	} else if (o->status == 422) {
		errors_add(&errs, ERROR_INVALID, o->code, o->body, "%s", outcome_message(texts, n, o->code));
		reply_errors(req, &errs);
	} else {
		log_error("%s answered %d %s", who, o->status, o->code);
		reply_error(req, 500, "internal", "the request could not be completed");
	}
}

bool outcome_run(struct request *req, const char *name, int nparams, const char *const *values,
		 const char *what, struct outcome *o)
{
	PGresult *res = db_run(req->db, name, nparams, values);
	bool ok;

	if (!res) {
		reply_db_failure(req, req->db, what);
		return false;
	}
	ok = outcome_read(res, o);
	PQclear(res);
	if (!ok)
		reply_error(req, 500, "internal", "unexpected answer from the database");
	return ok;
}
