/*
 * json_text.c - jsonb's text written as Jansson's compact form (json_text.h).
 *
 * jsonb_out separates with ", " and ": " and escapes strings with \" \\ \b \f \n \r \t and,
 * for other characters below U+0020, \u00xx in lower case; Jansson escapes the same
 * characters the same way, with upper-case hex. Nothing else differs (tests/unit/
 * test_json_text.c; every loaded proposal was compared against Jansson's own dump).
 */
#include "json_text.h"

#include <ctype.h>

bool json_text_compact(struct buf *out, const char *s)
{
	const char *run = s; /* the start of what is still to be copied as it is */
	const char *p = s;
	bool in_string = false;
	bool ok = true;

	for (; *p; p++) {
		if (in_string) {
			if (*p == '"') {
				in_string = false;
			} else if (*p == '\\' && p[1] == 'u') {
				ok &= buf_append(out, run, (size_t)(p + 2 - run));
				p += 2;
				for (int i = 0; i < 4 && *p; i++, p++)
					ok &= buf_putc(out, (char)toupper((unsigned char)*p));
				run = p--;
			} else if (*p == '\\' && p[1]) {
				p++; /* an escaped quote or backslash ends nothing */
			}
		} else if (*p == '"') {
			in_string = true;
		} else if ((*p == ',' || *p == ':') && p[1] == ' ') {
			ok &= buf_append(out, run, (size_t)(p + 1 - run));
			run = ++p + 1;
		}
	}
	return buf_append(out, run, (size_t)(p - run)) && ok;
}
