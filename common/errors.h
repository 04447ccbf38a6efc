/*
 * errors.h - what was wrong with a request or a record, field by field, as classes.
 *
 * Validators append to a struct errors and return false; the caller answers once (the
 * handler turns a class into an HTTP status in fcgi/request.c, kenes-import into a line of
 * its rejects file). Codes are static strings; field names and messages are copied in.
 */
#ifndef KENES_ERRORS_H
#define KENES_ERRORS_H

#include <stdbool.h>

#define ERRORS_MAX 16

enum error_class {
	ERROR_INVALID,         /* a field breaks a rule of the API (the usual case) */
	ERROR_MALFORMED,       /* the body or record cannot be read at all */
	ERROR_TOO_LARGE,       /* the body or record is over its limit */
	ERROR_CONFLICT,        /* the state does not allow it (a closed consultation) */
	ERROR_FORBIDDEN,       /* a cross-site request, an expired form */
	ERROR_UNAUTHENTICATED, /* the person must sign in first */
	ERROR_NOT_FOUND,       /* what it acts on does not exist (or is not published) */
	ERROR_RATE_LIMITED,    /* too many from this person */
	ERROR_UNAVAILABLE,     /* the database cannot be asked now */
	ERROR_INTERNAL,        /* anything else */
};

struct field_error {
	enum error_class kind;
	const char *code;  /* machine-readable, e.g. "text_too_long" */
	char field[48];    /* "" when the error is not about one field */
	char message[200]; /* English, for API clients and logs */
};

struct errors {
	struct field_error list[ERRORS_MAX];
	int count;
};

/* Appends an error (silently dropped past ERRORS_MAX) and returns false for `return add(...)`. */
bool errors_add(struct errors *errs, enum error_class kind, const char *code, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The first error about `field`, or NULL. */
const struct field_error *errors_for(const struct errors *errs, const char *field);
/* The error a request answers with: the first that is not ERROR_INVALID, else the first. */
const struct field_error *errors_primary(const struct errors *errs);
/* True when some error says the input could not be read at all (malformed, too large). */
bool errors_unreadable(const struct errors *errs);

#endif
