/*
 * positions.h - the staff's positions API under /api/v1/positions (docs/POSITIONS.md; its
 * rows are in routes.c, each needing a staff token): list, show, create, edit, merge, split,
 * assign and unassign proposals, set a disposition, and decide on suggestions.
 *
 * kenes.position_act (sql/functions/position_act.sql) checks, changes and logs in one
 * statement, looking the token up itself; the handler checks the body's shape and size.
 */
#ifndef KENES_POSITIONS_H
#define KENES_POSITIONS_H

#include "routes.h"

/* POST: the row's arg is the action (create, edit, merge, ..., suggestion_reject). */
void positions_act(struct request *req, const struct route_match *m);
/* GET /api/v1/positions/{id} */
void positions_show(struct request *req, const struct route_match *m);
/* GET /api/v1/positions?consultation=&version=&part= */
void positions_list(struct request *req, const struct route_match *m);
/* GET /api/v1/positions/suggestions?consultation=&part= */
void positions_suggestions(struct request *req, const struct route_match *m);

#endif
