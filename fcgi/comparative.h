/*
 * comparative.h - the Commission's comparative table, public: per part of a draft version,
 * each position with its decision and exact counts over published proposals, then the
 * part's proposals in no position (docs/POSITIONS.md). One document from the database
 * (sql/functions/comparative_table.sql) answered as JSON, CSV or an HTML page; cached like
 * the other public reads (main.c's public_read, nginx's microcache).
 */
#ifndef KENES_COMPARATIVE_H
#define KENES_COMPARATIVE_H

#include <jansson.h>

#include "buf.h"
#include "lang.h"
#include "routes.h"

/* GET /api/v1/comparative-table?consultation=&version=&format=json|csv&lang=&bom= */
void comparative_api(struct request *req, const struct route_match *m);
/* GET /consultations/{slug}/comparative-table?version=&lang= */
void comparative_page(struct request *req, const struct route_match *m);

/* The table (the document of comparative_table.sql, borrowed) as CSV rows, labels in lang;
 * exposed for the unit tests. */
void comparative_csv(struct buf *b, const json_t *doc, enum lang lang);
/* The table as the body of an HTML page (page_begin .. page_end included). */
void comparative_html(struct buf *b, const json_t *doc, enum lang lang);

#endif
