#include "csvfield.h"

#include <string.h>

void csvfield_put(struct buf *b, const char *value, bool first)
{
	bool formula = value[0] && strchr("=+-@\t\r", value[0]);

	if (!first)
		buf_putc(b, ',');
	if (!formula && !strpbrk(value, ",\"\r\n")) {
		buf_puts(b, value);
		return;
	}
	buf_puts(b, formula ? "\"'" : "\"");
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}
