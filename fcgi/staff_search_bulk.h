/*
 * staff_search_bulk.h - a moderator's bulk action on every result of a staff search
 * (docs/STAFF.md): POST /staff/moderation/proposals with scope=search and search=<the
 * /staff/proposals query string>. The handler runs the search itself, shows the exact count
 * for a confirmation (with the highest id matched), and on confirm=yes runs it again below that
 * id: the action is done only when the count is still the one confirmed, on exactly those
 * proposals. More than STAFF_SEARCH_BULK_MAX matches are refused.
 */
#ifndef KENES_STAFF_SEARCH_BULK_H
#define KENES_STAFF_SEARCH_BULK_H

#include <stdbool.h>

#include "request.h"
#include "routes.h"

/* Proposals in one action on a search result: a statement of the search (1,000 rows). */
#define STAFF_SEARCH_BULK_MAX 1000

/* When the body asks for scope=search, answers it (confirmation, result or refusal) and returns
 * true; otherwise returns false and answers nothing. */
bool staff_search_bulk_if_asked(struct request *req, const struct route_match *m);

#endif
