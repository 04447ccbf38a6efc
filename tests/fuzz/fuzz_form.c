/*
 * fuzz_form.c - form_parse (fcgi/form.c): urlencoded bodies and query strings.
 *
 * Beyond "no crash, no leak", checks what form.h promises: at most FORM_MAX_FIELDS pairs,
 * each name and value NUL-terminated with no NUL inside (%00 and raw NUL are refused), so
 * value_len is the value's strlen, and form_get finds every name that was decoded.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form f;

	if (!form_parse((const char *)data, size, &f)) {
		if (f.count != 0)
			abort();
		return 0;
	}
	if (f.count < 0 || f.count > FORM_MAX_FIELDS)
		abort();
	for (int i = 0; i < f.count; i++) {
		if (strlen(f.fields[i].value) != f.fields[i].value_len || !form_get(&f, f.fields[i].name))
			abort();
	}
	form_free(&f);
	return 0;
}
