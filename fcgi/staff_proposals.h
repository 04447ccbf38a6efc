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

/* GET /staff/proposals; ?format=csv streams every match as CSV (a statement of 1,000 rows at
 * a time). A moderator's page has checkboxes and the two bulk forms (fcgi/staff_search_bulk.h). */
void staff_proposals(struct request *req, const struct route_match *m);

enum staff_search_status {
	STAFF_SEARCH_OK,
	STAFF_SEARCH_INVALID,         /* the query is not a valid search */
	STAFF_SEARCH_NO_CONSULTATION, /* no such consultation, or none to choose */
	STAFF_SEARCH_DB               /* the database failed (its error in req->db) */
};
/* Runs the search of query (a /staff/proposals query string; its `after` is ignored) as role
 * sees it, over every page: calls each (unless NULL) with the id of each match below id
 * `below` (NULL: all), newest first, a statement of 1,000 at a time, and stops after max + 1,
 * so *count is the number of matches, or max + 1 when there are more. */
enum staff_search_status staff_proposals_each_id(struct request *req, const char *query, unsigned role,
						 const char *below, int max,
						 void (*each)(const char *id, void *arg), void *arg,
						 int *count);
/* The first max_chars characters of text, HTML-escaped, cut at a character boundary, with
 * "…" when cut. */
void staff_excerpt(struct buf *b, const char *text, size_t max_chars);

#endif
