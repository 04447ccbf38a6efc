/*
 * staff_history.h - a proposal's full history in the staff workspace (/staff/proposals/{id},
 * docs/STAFF.md): the proposal, its supports, its campaign, the positions it is placed in,
 * and for staff and moderators its moderation log entries and identity reports, each from the
 * statements the API already runs (moderation_proposal, staff_proposal_positions). Analysts
 * see published proposals only (anything else is 404 to them, as in the search) and neither
 * the moderation log nor the identity reports, which are moderation's (the API's readers).
 */
#ifndef KENES_STAFF_HISTORY_H
#define KENES_STAFF_HISTORY_H

#include "routes.h"

route_handler staff_history_page; /* GET /staff/proposals/{id} */

#endif
