/*
 * staff_flags.h - resolving an open identity flag from the staff workspace's moderation queue
 * (moderators; docs/STAFF.md, "Moderation"): keep the proposal published or hide it, with a
 * reason, through kenes.staff_resolve_flag (sql/functions/), which acts as the session's token
 * or, under the single sign-on, logs the SSO subject: one 'flag_resolve' entry, as the API's
 * POST /api/v1/moderation/flags/{id}/resolve.
 */
#ifndef KENES_STAFF_FLAGS_H
#define KENES_STAFF_FLAGS_H

#include <libpq-fe.h>

#include "buf.h"
#include "lang.h"
#include "routes.h"

/* The resolve form for the open flags of `flags` (the rows of moderation_flags: id, JSON);
 * nothing when there are none. Borrows everything. */
void staff_flags_form(struct buf *b, enum lang lang, const struct route_match *m, const PGresult *flags);

/* POST /staff/moderation/flags: flag, decision (keep or hide), reason. 303 back to the queue
 * when done (or for an empty form); 422 for a form of the wrong shape; 404 for an unknown
 * flag; 401/403 when the database refuses the actor. */
route_handler staff_flags_resolve;

#endif
