/*
 * staff_parts.h - a part's page in the staff workspace (/staff/parts/{target}, analysts and
 * staff, docs/STAFF.md): the part's figures and stance split, a weekly trend, its topics, the
 * campaigns with proposals on it, its most supported proposals and proposed wordings, and a
 * search over its proposals. Every figure comes from the statements /api/v1/tallies runs
 * (tally_meta, tally_part, tally_part_topic, tally_week, tally_texts); each links to the
 * proposals behind it in /staff/proposals. Filters: period, stance and draft version.
 */
#ifndef KENES_STAFF_PARTS_H
#define KENES_STAFF_PARTS_H

#include "request.h"
#include "routes.h"

/* GET /staff/parts/{target}: 200, 404 for a part the draft has not, 422 for a bad filter. */
void staff_part_page(struct request *req, const struct route_match *m);

#endif
