/*
 * page_proposal.h - one proposal as HTML: its page with the support form (and the "filed in
 * my name" report form), and the receipt after it was stored. The proposal is its API JSON,
 * borrowed.
 */
#ifndef KENES_PAGE_PROPOSAL_H
#define KENES_PAGE_PROPOSAL_H

#include <jansson.h>

#include "buf.h"
#include "errors.h"
#include "lang.h"
#include "structure.h"

/* One proposal with its support form; errs and notice_key (an i18n key) may be NULL. */
void page_proposal(struct buf *b, enum lang lang, const struct consultation *c, json_t *proposal,
		   const struct errors *errs, const char *notice_key);
/* The same page with errs beside its "filed in my name" report form instead (field report_iin). */
void page_proposal_report(struct buf *b, enum lang lang, const struct consultation *c, json_t *proposal,
			  const struct errors *errs);
/* The receipt for a stored proposal. */
void page_proposal_receipt(struct buf *b, enum lang lang, const struct consultation *c, json_t *proposal);

#endif
