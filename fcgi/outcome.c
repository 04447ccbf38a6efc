#include "outcome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
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

void outcome_reply_error(struct request *req, const struct outcome *o)
{
	static const struct {
		const char *code;
		const char *message;
	} messages[] = {
		{ "request_in_flight",
		  "a request with this Idempotency-Key is still being processed; retry shortly" },
		{ "idempotency_key_reused", "this Idempotency-Key was used with a different request" },
		{ "rate_limited", "too many requests from this person; retry later" },
		{ "not_found", "no such proposal" },
		{ "consultation_closed", "the consultation is not accepting this any more" },
		{ "unknown_target", "the current draft has no such part" },
	};
	const char *message = "the request could not be completed";
	char seconds[16];

	for (size_t i = 0; i < ARRAY_LEN(messages); i++)
		if (strcmp(messages[i].code, o->code) == 0)
			message = messages[i].message;
	if (o->retry_after > 0) {
		snprintf(seconds, sizeof(seconds), "%d", o->retry_after);
		reply_header(req, "Retry-After", seconds);
	}
	reply_error(req, o->status, o->code, message);
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
