/*
 * page.h - the shell every HTML page shares (head, site header, language links, main) and
 * the short message page. The pages are page_form.h, page_proposal.h and page_list.h; the
 * controls they share are widget.h.
 *
 * Every string that came from a person or the database is escaped with buf_html. Pages use
 * /static/kenes.css and /static/kenes.js only (no inline script or style, so the CSP can
 * forbid them) and work without JavaScript. Functions append to the caller's buffer.
 */
#ifndef KENES_PAGE_H
#define KENES_PAGE_H

#include "buf.h"
#include "lang.h"

/* Everything up to <main>, with `title` (escaped) in <title>. */
void page_begin(struct buf *b, enum lang lang, const char *title);
/* Closes what page_begin opened. */
void page_end(struct buf *b);
/* A short page with a title and one paragraph, both i18n keys. */
void page_message(struct buf *b, enum lang lang, const char *title_key, const char *text_key);

#endif
