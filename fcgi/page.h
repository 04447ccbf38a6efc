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
/* A short page with a title and one paragraph, both i18n keys. */
void page_message(struct buf *b, enum lang lang, const char *title_key, const char *text_key);

#endif
