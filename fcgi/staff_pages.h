/*
 * staff_pages.h - the staff workspace's sign-in, sign-out and home pages (docs/STAFF.md).
 * Who may reach them is the route table's to say (routes.c, staff_session.h); each handler
 * answers once, in HTML, in the language of ?lang= or Accept-Language.
 */
#ifndef KENES_STAFF_PAGES_H
#define KENES_STAFF_PAGES_H

#include "buf.h"
#include "form.h"
#include "lang.h"
#include "request.h"
#include "routes.h"

/* GET: the token form. POST: signs in with the token (303 to /staff/ and a session cookie),
 * 401 with the form again for a token that is unknown or revoked, 403 without the form's
 * token or from another site, 429 when this address failed too often in the last minute. */
void staff_sign_in(struct request *req, const struct route_match *m);
/* Ends the session (and clears its cookie); 303 to the sign-in page. */
void staff_sign_out(struct request *req, const struct route_match *m);
/* /staff/account: who is signed in, with what role, and the sign-out form (every role). */
void staff_home(struct request *req, const struct route_match *m);

/* The workspace's navigation and sign-out form, for the signed-in person of m. */
void staff_nav(struct buf *b, enum lang lang, const struct route_match *m);
/* Starts a workspace page in b (buf_init): the shell, the navigation and an <h1>, all titled
 * lang_tr(title_key); the caller writes the rest and closes it with page_end. */
void staff_page_begin(struct buf *b, enum lang lang, const struct route_match *m, const char *title_key);
/* The filters the dashboard and a part's page share: a consultation's slug, a period
 * (YYYY-MM-DD, from <= to), a stance (NULL for "all") and a draft version ("all", "current"
 * or a number). Read from f, empty fields being none; false when one is malformed. */
struct staff_filter {
	const char *consultation, *from, *to, *stance, *version;
};
bool staff_filter_read(const struct form *f, struct staff_filter *q);
/* Links to PATH?lang=LL with `query` (raw pairs, each "&k=v"; escaped here): the CSV download
 * of what the page shows, and the next page of a list after the id `after`. */
void staff_download_link(struct buf *b, enum lang lang, const char *path, const char *query);
void staff_next_link(struct buf *b, enum lang lang, const char *path, const char *query, const char *after);
/* Ends a confirmation page begun by staff_page_begin inside its open <form>: the confirm=yes
 * button, a cancel link to cancel_path, and the 200 reply; frees b. */
void staff_confirm_end(struct request *req, struct buf *b, enum lang lang, const char *cancel_path);

#endif
