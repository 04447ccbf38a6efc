#include "csv.h"

#include <string.h>

bool csv_is_formula(const char *value)
{
	return value[0] != '\0' && strchr("=+-@\t\r", value[0]) != NULL;
}

void csv_field(struct sink *s, const char *value, bool first)
{
	bool quote = strpbrk(value, ",\"\r\n") != NULL || csv_is_formula(value);
	const char *run = value;

	if (!first)
		sink_puts(s, ",");
	if (!quote) {
		sink_puts(s, value);
		return;
	}
	sink_puts(s, csv_is_formula(value) ? "\"'" : "\"");
	for (const char *p = value; *p; p++) {
		if (*p == '"') {
			sink_write(s, run, (size_t)(p - run + 1));
			sink_puts(s, "\"");
			run = p + 1;
		}
	}
	sink_puts(s, run);
	sink_puts(s, "\"");
}

void csv_number(struct sink *s, long long value)
{
	sink_printf(s, ",%lld", value);
}

void csv_end_row(struct sink *s)
{
	sink_puts(s, "\r\n");
}

void csv_put(struct buf *b, const char *value, bool first)
{
	struct sink s;

	sink_to_buf(&s, b);
	csv_field(&s, value, first);
}
