/*
 * buf.h - growable byte buffers with a size cap.
 *
 * Anything whose size comes from the network or from data goes through a buf with a limit:
 * an append that would pass the limit appends nothing, sets `overflow` and returns false,
 * so a caller can answer 413 or stop a report instead of growing without bound.
 * The buffer owns `data`; buf_free releases it. `data` is always NUL-terminated.
 */
#ifndef KENES_BUF_H
#define KENES_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t limit; /* 0: no limit */
	bool overflow;
};

void buf_init(struct buf *b, size_t limit);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
bool buf_append(struct buf *b, const void *p, size_t n);
bool buf_puts(struct buf *b, const char *s);
bool buf_putc(struct buf *b, char c);
bool buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Hands the bytes to the caller (who frees them) and leaves `b` empty. */
char *buf_steal(struct buf *b);

/* HTML text and attribute escaping: & < > " ' become entities. */
bool buf_html(struct buf *b, const char *s);

#endif
