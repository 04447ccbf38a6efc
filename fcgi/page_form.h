/*
 * page_form.h - the proposal form (GET /, and again after a refused POST with what the
 * person typed and every error beside its field).
 */
#ifndef KENES_PAGE_FORM_H
#define KENES_PAGE_FORM_H

#include "buf.h"
#include "errors.h"
#include "lang.h"
#include "proposal.h"
#include "structure.h"

/* The form; `in` and `errs` (both may be NULL) refill it after a failed submission. */
void page_form(struct buf *b, enum lang lang, const struct consultation *c, const struct proposal_input *in,
	       const struct errors *errs);

#endif
