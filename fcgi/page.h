/*
 * page.h - the HTML pages: the proposal form, the receipt, and short error pages.
 *
 * Every string that came from a person or the database is escaped with buf_html. Pages use
 * /static/kenes.css and /static/kenes.js only (no inline script or style, so the CSP can
 * forbid them) and work without JavaScript. Functions append to the caller's buffer.
 */
#ifndef KENES_PAGE_H
#define KENES_PAGE_H

#include <jansson.h>
#include <stdbool.h>

#include "buf.h"
#include "errors.h"
#include "i18n.h"
#include "proposal.h"
#include "structure.h"

/* The form; `in` and `errs` (both may be NULL) refill it after a failed submission. */
void page_form(struct buf *b, enum lang lang, const struct consultation *c,
	       const struct proposal_input *in, const struct errors *errs);
/* The receipt for a stored proposal (its API JSON). */
void page_receipt(struct buf *b, enum lang lang, const struct consultation *c, json_t *proposal);
/* What a list of proposals shows (filled by browse.c). */
struct list_query {
	const struct consultation *consultation;
	char target[32], kind[16], number[16], sort[16];
	char version[16]; /* ?version=, a draft version number; empty: the current version */
	json_t *part;     /* with a version: its part, {"label": {…}} (owned; NULL without) */
	long page, per_page;
};

/* The list of proposals on one part; `more` when a next page exists. */
void page_list(struct buf *b, enum lang lang, const struct list_query *q, json_t *items, bool more);
/* One proposal with its support form; errs and notice_key (an i18n key) may be NULL. */
void page_proposal(struct buf *b, enum lang lang, const struct consultation *c, json_t *proposal,
		   const struct errors *errs, const char *notice_key);
/* The same page with errs beside its "filed in my name" report form instead (field report_iin). */
void page_proposal_report(struct buf *b, enum lang lang, const struct consultation *c, json_t *proposal,
			  const struct errors *errs);
/* A short page with a title and one paragraph, both i18n keys. */
void page_message(struct buf *b, enum lang lang, const char *title_key, const char *text_key);

#endif
