/*
 * outcome.h - what a write function of the database decided (the kenes.outcome type of
 * sql/migrations/005: status, code, body, retry_after), read back and answered.
 *
 * The body is the struct's (outcome_free); a result read from is the caller's.
 */
#ifndef KENES_OUTCOME_H
#define KENES_OUTCOME_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "request.h"

struct outcome {
	int status;
	char code[40];
	char *body; /* JSON text or NULL */
	int retry_after;
};

/* From the only row of res, or from row `row` with the outcome starting at column `col`. */
bool outcome_read(PGresult *res, struct outcome *o);
bool outcome_read_row(PGresult *res, int row, int col, struct outcome *o);
void outcome_free(struct outcome *o);
/* Answers with an outcome that is an error (409, 422, 429, 404): JSON with Retry-After. */
void outcome_reply_error(struct request *req, const struct outcome *o);
/* Runs statement `name` and reads its kenes.outcome; answers 5xx and returns false when that
 * fails (`what` says what for the log). */
bool outcome_run(struct request *req, const char *name, int nparams, const char *const *values,
		 const char *what, struct outcome *o);

#endif
