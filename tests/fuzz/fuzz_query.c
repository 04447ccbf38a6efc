/*
 * fuzz_query.c - the query string and Content-Type as the handlers read them:
 * request_query_param (through form_parse) and request_content_type_is (fcgi/request.c),
 * then parse_long on numbers as browse.c does.
 *
 * Input: "content-type\nquery". A value handed back always fits the caller's buffer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "lang",     "target",       "sort", "page",
					     "per_page", "consultation", "done", "" };
	static const size_t sizes[] = { 1, 24, 256 };
	char *copy = malloc(size + 1), *nl, out[256];
	struct request req;
	long n;

	memcpy(copy, data, size);
	copy[size] = '\0';
	request_init(&req);
	nl = strchr(copy, '\n');
	req.content_type = nl ? copy : NULL;
	if (nl)
		*nl = '\0';
	req.query = nl ? nl + 1 : copy;
	request_content_type_is(&req, "application/json");
	request_content_type_is(&req, "application/x-www-form-urlencoded");
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		for (size_t j = 0; j < ARRAY_LEN(sizes); j++) {
			memset(out, 'X', sizeof(out));
			if (request_query_param(&req, names[i], out, sizes[j]) &&
			    strnlen(out, sizes[j]) >= sizes[j])
				abort();
		}
		if (request_query_param(&req, names[i], out, 24))
			parse_long(out, 1, 1000, &n);
	}
	request_free(&req);
	free(copy);
	return 0;
}
