/*
 * util.h - allocation that aborts on out-of-memory, and small string helpers.
 *
 * Ownership: every pointer returned here is owned by the caller and released with free().
 * Out-of-memory is not an error a request can recover from, so these abort instead of
 * returning NULL; that keeps the error paths about real errors.
 */
#ifndef KENES_UTIL_H
#define KENES_UTIL_H

#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Parses a whole decimal string into [min, max]; false on junk, overflow or range. */
bool parse_long(const char *s, long min, long max, long *out);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
