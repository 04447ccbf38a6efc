/*
 * page_list.h - the proposals on one part of the draft, a page at a time (GET /proposals).
 */
#ifndef KENES_PAGE_LIST_H
#define KENES_PAGE_LIST_H

#include <jansson.h>
#include <stdbool.h>

#include "buf.h"
#include "lang.h"
#include "structure.h"

#define LIST_PER_PAGE_DEFAULT 20

/* What a list of proposals shows (filled by browse.c). */
struct list_query {
	const struct consultation *consultation;
	char target[32], kind[16], number[16], sort[16];
	char version[16]; /* ?version=, a draft version number; empty: the current version */
	json_t *part;     /* with a version: its part, {"label": {…}} (owned; NULL without) */
	long page, per_page;
	/* ?after=, the opaque cursor of the previous page's last proposal ("n<key>.<id>" newest,
	   "s<key>.<id>" supported; browse.c): its key and id as digits, empty on a first page. */
	char after_key[24], after_id[24];
	char next[64]; /* the cursor of this page's last proposal when a next page exists, or "" */
};

/* One proposal's card on the list; the strings are borrowed (browse.c: from the result). */
struct list_card {
	long long id, supports;
	const char *stance, *text;
	const char *day; /* YYYY-MM-DD, the day it was made */
};

/* The list of proposals on one part, `n` cards; a next-page link when q->next is set. */
void page_list(struct buf *b, enum lang lang, const struct list_query *q, const struct list_card *cards,
	       size_t n);

#endif
