/*
 * archive.h - the open-data archive of a consultation (kenes-aggregator archive --out DIR).
 *
 * Writes into DIR, for one consultation, every public table of it as CSV (RFC 4180, UTF-8)
 * and JSON Lines (keys sorted), the issued reports' JSON as stored, a README describing
 * every file and column, and SHA256SUMS for `sha256sum -c`. Rows are streamed from one
 * REPEATABLE READ snapshot and ordered completely, so that the same database gives the same
 * bytes and memory does not grow with the number of proposals. Never a pseudonym, a hidden
 * proposal's text, or who moderated and why (sql/aggregator/archive_*.sql).
 */
#ifndef KENES_ARCHIVE_H
#define KENES_ARCHIVE_H

#include <stdbool.h>

#include "agg.h"
#include "conn.h"

/* consultation: slug, or NULL for the only one (consultation_find). DIR is created if
 * missing; files of an earlier archive in it are replaced. */
bool archive_write(struct conn *c, const struct agg_settings *s, const char *consultation, const char *dir,
		   struct agg_error *err);

#endif
