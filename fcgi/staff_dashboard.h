/*
 * staff_dashboard.h - the staff workspace's dashboard (/staff/, analysts and staff,
 * docs/STAFF.md): the tallies' as-of time and queued changes, totals against the week before,
 * and one row per part of the draft, filtered by period, stance, topic, region or channel and
 * draft version, and sorted by a column (sort=, dir=). Every figure comes from the
 * statements /api/v1/tallies runs (tally_meta, tally_part, tally_part_topic, tally_texts,
 * and tally_between's 'total' cells; for one region or channel staff_part_located, the same
 * rows from the part_region or part_channel cells): there is no second counting.
 * ?format=csv or json gives exactly the table on screen.
 */
#ifndef KENES_STAFF_DASHBOARD_H
#define KENES_STAFF_DASHBOARD_H

#include "buf.h"
#include "lang.h"
#include "request.h"
#include "routes.h"

void staff_dashboard(struct request *req, const struct route_match *m);
/* The stance split (proposals in support, against, amending: n[0..2]) as an SVG bar of three
 * rectangles, its numbers as the image's name; grey when all are 0. */
void staff_stance_bar(struct buf *b, enum lang lang, const long long n[3]);

#endif
