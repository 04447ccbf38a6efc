/*
 * fuzz_text.c - text_clean and text_is_clean_line (fcgi/text.c): what people type.
 *
 * On TEXT_OK the result must be what text.h says: valid UTF-8, no control character but tab
 * and LF, no CR, no whitespace at either end, NFC, `chars` code points, and cleaning it
 * again changes nothing. A clean line is always cleanable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool blank(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);

	return c == '\t' || c == '\n' || cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

static void check_clean(const char *s, size_t chars)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s), n;
	utf8proc_int32_t c, first = -1, last = -1;
	utf8proc_uint8_t *nfc = utf8proc_NFC(p);
	size_t count = 0;

	if (!nfc || strcmp((char *)nfc, s) != 0)
		abort();
	free(nfc);
	for (; len > 0; p += n, len -= n, count++) {
		n = utf8proc_iterate(p, len, &c);
		if (n < 0 || c == '\r' || (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f))
			abort();
		if (first < 0)
			first = c;
		last = c;
	}
	if (count != chars || (count > 0 && (blank(first) || blank(last))))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL, *again = NULL;
	size_t chars = 0, chars_again = 0;
	bool line = text_is_clean_line((const char *)data, size);

	if (text_clean((const char *)data, size, &out, &chars) != TEXT_OK) {
		if (line)
			abort();
		return 0;
	}
	check_clean(out, chars);
	if (text_clean(out, strlen(out), &again, &chars_again) != TEXT_OK || strcmp(out, again) != 0 ||
	    chars != chars_again)
		abort();
	free(again);
	free(out);
	return 0;
}
