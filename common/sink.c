#include "sink.h"

#include <stdarg.h>
#include <string.h>

void sink_to_file(struct sink *s, FILE *f)
{
	s->file = f;
	s->buf = NULL;
	s->failed = false;
}

void sink_to_buf(struct sink *s, struct buf *b)
{
	s->file = NULL;
	s->buf = b;
	s->failed = false;
}

bool sink_ok(const struct sink *s)
{
	return !s->failed;
}

void sink_write(struct sink *s, const char *p, size_t n)
{
	if (s->failed || n == 0)
		return;
	if (s->file)
		s->failed = fwrite(p, 1, n, s->file) != n;
	else
		s->failed = !buf_append(s->buf, p, n);
}

void sink_puts(struct sink *s, const char *str)
{
	sink_write(s, str, strlen(str));
}

void sink_printf(struct sink *s, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	if (s->failed)
		return;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		s->failed = true;
	} else if ((size_t)n < sizeof(small)) {
		sink_write(s, small, (size_t)n);
	} else {
		struct buf big;

		buf_init(&big, 0);
		va_start(ap, fmt);
		buf_vprintf(&big, fmt, ap);
		va_end(ap);
		sink_write(s, big.data, big.len);
		buf_free(&big);
	}
}

void sink_html(struct sink *s, const char *str)
{
	struct buf escaped;

	buf_init(&escaped, 0);
	buf_html(&escaped, str);
	sink_write(s, escaped.data, escaped.len);
	buf_free(&escaped);
}
