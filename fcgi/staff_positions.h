/*
 * staff_positions.h - positions in the staff workspace (docs/STAFF.md "Positions",
 * docs/POSITIONS.md), staff only: the consultation's positions per part with their decisions
 * and the comparative table's counts (comparative.h, the same document), the open suggestions
 * to accept or reject, one position with its proposals and log, and a form for each action of
 * the API (/api/v1/positions). Each form is posted to a row whose arg is the action; the
 * handler turns the fields into the API's JSON body and runs kenes.position_act_as through
 * kenes.staff_position_act as the session's token or, under the single sign-on, as its
 * subject (migration 037), so the log names who acted either way.
 */
#ifndef KENES_STAFF_POSITIONS_H
#define KENES_STAFF_POSITIONS_H

#include "buf.h"
#include "lang.h"
#include "request.h"
#include "routes.h"

/* Staff's form around a proposal search's results on one part (staff_proposals.c): the
 * proposals ticked (checkboxes "id") make a new position there. _begin opens it; _end writes
 * its fields (the consultation's slug, the part, the version or NULL for the current one)
 * and closes it. */
void staff_positions_selection_begin(struct buf *b, enum lang lang, const struct route_match *m);
void staff_positions_selection_end(struct buf *b, enum lang lang, const char *slug, const char *part,
				   const char *version);

/* GET /staff/positions?consultation=&version=: the positions per part, suggestions, a new one;
 * POST: staff_positions_act (the row's arg, create). */
void staff_positions_page(struct request *req, const struct route_match *m);
/* GET /staff/positions/{id}: the position, its proposals, its log and its action forms. */
void staff_position_page(struct request *req, const struct route_match *m);
/* POST: 303 to the position (or the list) when done, a confirmation first for merge and
 * split, a page saying why when the database refused (its status), 303 back for a form with
 * nothing in it. Proposals are named by id, in a text field "proposals" or fields "id". */
void staff_positions_act(struct request *req, const struct route_match *m);

#endif
