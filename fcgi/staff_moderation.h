/*
 * staff_moderation.h - moderation in the staff workspace (moderators): the queue of open
 * identity flags, and hide / unhide / mark as duplicate / hide a whole campaign with a reason,
 * on one proposal or a selection (from the queue or a search, up to STAFF_MODERATION_MAX).
 * Every action is first shown with its count for a confirmation, then done through
 * kenes.moderate_proposal and kenes.moderate_campaign (sql/functions/staff_moderate_*.sql
 * act as the session's token), one log entry per proposal changed, as the API does.
 */
#ifndef KENES_STAFF_MODERATION_H
#define KENES_STAFF_MODERATION_H

#include <stdbool.h>

#include "buf.h"
#include "lang.h"
#include "request.h"
#include "routes.h"

#define STAFF_MODERATION_MAX 50 /* proposals in one bulk action: a page of the search */

route_handler staff_moderation_page;      /* GET /staff/moderation */
route_handler staff_moderation_proposals; /* POST /staff/moderation/proposals */
route_handler staff_moderation_campaign;  /* POST /staff/moderation/campaigns */

/* The bulk controls under a list of proposals with checkboxes named "id" (search, queue). */
void staff_moderation_bulk_controls(struct buf *b, enum lang lang);

/* Bulk actions on a search result (fcgi/staff_search_bulk.c) */
/* The bulk fieldset (action, original, reason, review) under the legend legend_key, followed
 * by ": count" when count >= 0. */
void staff_moderation_bulk_fieldset(struct buf *b, enum lang lang, const char *legend_key, int count);
/* True when the action (hide, unhide, duplicate), the reason and the original (NULL, or an
 * id; required for duplicate) are a valid request. */
bool staff_moderation_fields_valid(const char *action, const char *reason, const char *of);
/* Does the action on the campaign, or on each of ids (count of them), as the session's token,
 * and answers the result page (or the 5xx when the database failed). Borrows everything. */
void staff_moderation_run(struct request *req, enum lang lang, const struct route_match *m,
			  const char *action, const char *reason, const char *of, const char *campaign,
			  const char *const *ids, int count);

#endif
