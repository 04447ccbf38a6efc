/*
 * reports.h - the staff API for issued reports, served byte for byte as the aggregator
 * stored them (sql/migrations/011); needs a staff token.
 *
 *   GET /api/v1/reports/weekly?week=2026-W05   (default: the latest issued week)
 *   GET /api/v1/reports/sessions/{n}
 *       &format=html|csv|json|md (default html)  &lang=kk|ru|en (default ru)
 *       &consultation=SLUG (as for the tallies)  &bom=1 (CSV for Excel)
 *
 * A report not issued yet is 404 not_issued. The SHA-256 of the stored rendering is the
 * ETag and X-Kenes-Report-Sha256; HTML, CSV and Markdown come as attachments (the site's
 * Content-Security-Policy forbids a report's inline style when shown in place).
 */
#ifndef KENES_REPORTS_H
#define KENES_REPORTS_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "routes.h"

/* True for html, csv, json and md. */
bool reports_format_known(const char *name);
/*
 * Answers with a stored rendering as read by sql/queries/report_get.sql (its columns: body,
 * SHA-256, whether the body matches it, session number or week, consultation slug): the
 * bytes as stored, the SHA-256 as ETag and X-Kenes-Report-Sha256, a Content-Disposition
 * (kenes-SLUG-KIND-N-LANG.FORMAT) when `attachment`, a BOM before CSV when `bom`; 500
 * report_altered, logged, when the bytes fail their checksum. res is borrowed.
 */
void reports_send(struct request *req, const PGresult *res, const char *format, const char *lang,
		  const char *kind, bool bom, bool attachment);
/* The rows of routes.c: the match's arg is "week" or "session" (with the session in id). */
route_handler reports_handle;

#endif
