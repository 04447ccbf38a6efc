/*
 * staff_proposals.h - the staff proposal search (/staff/proposals, docs/STAFF.md): full-text
 * search per language combined with filters (part, stance, status, channel, period, topic,
 * region, draft version, campaign), newest first, fifty a page with keyset paging (?after=ID). Staff and moderators
 * see hidden proposals; analysts see only published ones, whatever they ask.
 */
#ifndef KENES_STAFF_PROPOSALS_H
#define KENES_STAFF_PROPOSALS_H

#include <stddef.h>

#include "buf.h"
#include "request.h"
#include "routes.h"

void staff_proposals(struct request *req, const struct route_match *m);
/* The first max_chars characters of text, HTML-escaped, cut at a character boundary, with
 * "…" when cut. */
void staff_excerpt(struct buf *b, const char *text, size_t max_chars);

#endif
