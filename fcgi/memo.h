/*
 * memo.h - rendered pieces of pages, kept for as long as what they were made from is the
 * same. A piece is stored under a key (what was asked: the page, the language, the query)
 * and a version (what it was made from: for the staff dashboard, the tallies' refresh and
 * today's date); a look-up with another version misses and drops the piece, so nothing older
 * than its version is ever served. One memo per process, shared by its threads under a lock;
 * at most MEMO_ENTRIES pieces and MEMO_BYTES bytes, the least recently used dropped first.
 */
#ifndef KENES_MEMO_H
#define KENES_MEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define MEMO_ENTRIES 32
#define MEMO_BYTES   (4u << 20) /* a dashboard's HTML is ≈ 100 kB */

/* Appends the piece stored under key with this version to out; false (out unchanged) when
   there is none or it is of another version. */
bool memo_get(const char *key, const char *version, struct buf *out);
/* Stores a copy of data under key and version, replacing what the key held; a piece larger
   than a quarter of MEMO_BYTES is not kept. Out of memory: nothing is kept. */
void memo_put(const char *key, const char *version, const char *data, size_t len);
/* Drops every piece (tests: what a worker holds at its end is still reachable, no leak). */
void memo_clear(void);

#endif
