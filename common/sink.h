/*
 * sink.h - where a renderer writes: a stdio stream (stdout, a file) or a memory buffer
 * (a rendering to store). Renderers write as they go, so a report streamed to a file never
 * sits whole in memory.
 *
 * The first write error (a full disk, a closed pipe, a buffer over its limit) sticks:
 * later writes do nothing and sink_ok() turns false. The sink owns neither the stream nor
 * the buffer.
 */
#ifndef KENES_SINK_H
#define KENES_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

struct sink {
	FILE *file;
	struct buf *buf;
	bool failed;
};

void sink_to_file(struct sink *s, FILE *f);
void sink_to_buf(struct sink *s, struct buf *b);
bool sink_ok(const struct sink *s);

void sink_write(struct sink *s, const char *p, size_t n);
void sink_puts(struct sink *s, const char *str);
void sink_printf(struct sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* HTML text or attribute value: & < > " ' as entities. */
void sink_html(struct sink *s, const char *str);

#endif
