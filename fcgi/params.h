/*
 * params.h - the query-string parameters the staff APIs share (tallies.c, reports.c): every
 * name known and given once, a consultation slug, format, lang and bom. Each check appends to errs
 * (invalid, with the parameter as the field); values are borrowed from the form.
 */
#ifndef KENES_PARAMS_H
#define KENES_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"
#include "form.h"

struct request;
typedef void params_parse(const struct form *f, void *query, struct errors *errs);
/* The query string read into f and checked by `parse` into *query; false when it was
 * malformed (400) or broke a rule (the errors), answered. f is the caller's to form_free. */
bool params_read_or_reply(struct request *req, struct form *f, params_parse *parse, void *query);
/* True when value is one of the n strings of list. */
bool params_one_of(const char *value, const char *const *list, size_t n);
/* unknown_parameter for a name not in `names` (or equal to `refused`, may be NULL),
 * repeated_parameter for one given twice. */
void params_check_names(const struct form *f, const char *const *names, size_t n, const char *refused,
			struct errors *errs);
/* The shape of a consultation slug (a-z, 0-9, '-'; at most 63): the database is not asked
 * about one that has not. */
bool params_slug_valid(const char *slug);
/* ?consultation=: its value, or NULL when absent or empty (unknown_consultation if malformed). */
const char *params_consultation(const struct form *f, struct errors *errs);
/* As params_consultation, and `required` when absent or empty (unless errs holds one already). */
const char *params_consultation_required(const struct form *f, struct errors *errs);
/* ?version=: a draft version number (1 to 9999, no leading zero), or NULL when absent. */
const char *params_version(const struct form *f, struct errors *errs);
/* A ?format= value: true for csv, false for json (invalid_format for anything else). */
bool params_format_csv(const char *value, struct errors *errs);
/* ?lang=kk|ru|en, else `fallback`. */
const char *params_lang(const struct form *f, const char *fallback, struct errors *errs);
/* ?bom=0|1 (a byte order mark before CSV, for Excel). */
bool params_bom(const struct form *f, struct errors *errs);

#endif
