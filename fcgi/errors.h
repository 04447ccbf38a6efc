/*
 * errors.h - what was wrong with a request, field by field.
 *
 * Validators append to a struct errors and return false; the handler turns the list into
 * one JSON error (the first) or a form with each message beside its field. Codes are static
 * strings; field names and messages are copied into the struct.
 */
#ifndef KENES_ERRORS_H
#define KENES_ERRORS_H

#include <stdbool.h>

#define ERRORS_MAX 16

struct field_error {
	int status;        /* 400, 409, 413, 415 or 422 */
	const char *code;  /* machine-readable, e.g. "text_too_long" */
	char field[48];    /* "" when the error is not about one field */
	char message[200]; /* English, for API clients and logs */
};

struct errors {
	struct field_error list[ERRORS_MAX];
	int count;
};

/* Appends an error (silently dropped past ERRORS_MAX) and returns false for `return add(...)`. */
bool errors_add(struct errors *errs, int status, const char *code, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The first error about `field`, or NULL. */
const struct field_error *errors_for(const struct errors *errs, const char *field);
/*
 * The error the whole request answers with: the first malformed-request error (400, 409,
 * 413, 415) if there is one, else the first field error (422). NULL when there is none.
 */
const struct field_error *errors_primary(const struct errors *errs);

#endif
