/*
 * form.h - application/x-www-form-urlencoded bodies and query strings.
 *
 * form_parse decodes "a=1&b=%D0%B0+b" into name/value pairs (plus as space, %XX bytes).
 * It refuses malformed escapes, %00 and more than FORM_MAX_FIELDS pairs; it does not check
 * UTF-8 (callers do, per field). The struct form owns every string in it; form_free frees them.
 */
#ifndef KENES_FORM_H
#define KENES_FORM_H

#include <stdbool.h>
#include <stddef.h>

#define FORM_MAX_FIELDS 64

struct form_field {
	char *name;
	char *value;
	size_t value_len;
};

struct form {
	struct form_field fields[FORM_MAX_FIELDS];
	int count;
};

bool form_parse(const char *body, size_t len, struct form *out);
/* The first value of `name`, or NULL. */
const struct form_field *form_get(const struct form *f, const char *name);
/* The first value of `name` when it is not empty, or NULL: a form sends its empty fields too. */
const char *form_value(const struct form *f, const char *name);
void form_free(struct form *f);

#endif
