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
#include "db.h"
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

/* Shared with the staff's positions page (staff_positions.c), which shows the same counts.
 * The table's document (the caller's) for slug (NULL: the one consultation_chosen picks) and
 * version (NULL: current) read on db; NULL when there is none, or when the database failed,
 * which is then answered (5xx) and *failed set. */
json_t *comparative_table_read(struct request *req, struct db *db, const char *slug, const char *version,
			       bool *failed);
/* A {"kk","ru","en"} text in lang, else in the first language that has it; "" when none (borrowed). */
const char *comparative_text_in(const json_t *texts, enum lang lang);
/* A position's counts (its "counts" member) as a <td> of a <dl>: each measure, then per stance. */
void comparative_counts_html(struct buf *b, const json_t *counts, enum lang lang);

#endif
