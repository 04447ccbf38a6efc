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

#include "buf.h"
#include "lang.h"
#include "routes.h"

#define STAFF_MODERATION_MAX 50 /* proposals in one bulk action: a page of the search */

route_handler staff_moderation_page;      /* GET /staff/moderation */
route_handler staff_moderation_proposals; /* POST /staff/moderation/proposals */
route_handler staff_moderation_campaign;  /* POST /staff/moderation/campaigns */

/* The bulk controls under a list of proposals with checkboxes named "id" (search, queue). */
void staff_moderation_bulk_controls(struct buf *b, enum lang lang);

#endif
