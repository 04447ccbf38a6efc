/*
 * fuzz_accept_language.c - lang_from_accept (fcgi/lang.c): the Accept-Language header.
 * Input is the header as a C string (FastCGI parameters are); the answer is one of the
 * three interface languages, whatever the header holds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header = malloc(size + 1);
	enum lang l;

	memcpy(header, data, size);
	header[size] = '\0';
	l = lang_from_accept(header);
	if ((int)l < 0 || (int)l >= LANG_COUNT || !lang_code(l))
		abort();
	free(header);
	return 0;
}
