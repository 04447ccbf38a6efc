/*
 * staff_query.h - the analysts' tallies query builder (/staff/query, analysts and staff,
 * docs/STAFF.md): a form over the parameters of GET /api/v1/tallies that shows the exact API
 * address it stands for, a curl line with a placeholder token, and the answer as a table,
 * computed by the API's own code (tallies_parse, tallies_load: the same statements).
 */
#ifndef KENES_STAFF_QUERY_H
#define KENES_STAFF_QUERY_H

#include "request.h"
#include "routes.h"

/* GET /staff/query: 200 with the form (and the answer, or why the API would refuse it), 422
 * for a parameter the form does not have. */
void staff_query_page(struct request *req, const struct route_match *m);

#endif
