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
#include <stddef.h>

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
/* A code of an outcome and what it means for people. */
struct outcome_text {
	const char *code, *message;
};
/* The message of `code` in texts[0..n-1], or "the request could not be completed". */
const char *outcome_message(const struct outcome_text *texts, size_t n, const char *code);
/* Answers with an outcome that is an error (409, 422, 429, 404): JSON with Retry-After. */
void outcome_reply_error(struct request *req, const struct outcome *o);
/* Answers what a staff action of the database decided for a bearer token (kenes.moderate_*,
 * kenes.position_act): 200 or 201 with its body, 401/403 for the token, 404 with `not_found`,
 * 409 and 422 (naming the field, the body) with the code's message in texts; anything else is
 * logged as `who`'s answer and answered 500. */
void outcome_reply_action(struct request *req, const struct outcome *o, const char *who,
			  const char *not_found, const struct outcome_text *texts, size_t n);
/* Runs statement `name` and reads its kenes.outcome; answers 5xx and returns false when that
 * fails (`what` says what for the log). */
bool outcome_run(struct request *req, const char *name, int nparams, const char *const *values,
		 const char *what, struct outcome *o);

#endif
