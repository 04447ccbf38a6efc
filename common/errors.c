#include "errors.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool errors_add(struct errors *errs, enum error_class kind, const char *code, const char *field,
		const char *fmt, ...)
{
	struct field_error *e;
	va_list ap;

	if (errs->count >= ERRORS_MAX)
		return false;
	e = &errs->list[errs->count++];
	e->kind = kind;
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
	return false;
}

const struct field_error *errors_primary(const struct errors *errs)
{
	for (int i = 0; i < errs->count; i++)
		if (errs->list[i].kind != ERROR_INVALID)
			return &errs->list[i];
	return errs->count ? &errs->list[0] : NULL;
}

const struct field_error *errors_for(const struct errors *errs, const char *field)
{
	for (int i = 0; i < errs->count; i++)
		if (strcmp(errs->list[i].field, field) == 0)
			return &errs->list[i];
	return NULL;
}

bool errors_unreadable(const struct errors *errs)
{
	for (int i = 0; i < errs->count; i++)
		if (errs->list[i].kind == ERROR_MALFORMED || errs->list[i].kind == ERROR_TOO_LARGE)
			return true;
	return false;
}
