/*
 * staff_reports.h - the reports pages of the staff workspace (staff, docs/STAFF.md):
 * Commission sessions (list, add one), the reports of each session and ISO week, draft or
 * issued with the SHA-256 of each stored rendering, every rendering as a download of the
 * stored bytes (fcgi/reports.h's reports_send, as the API), and issuing a session's report
 * after a confirmation that counts what will be frozen.
 *
 * The handler never renders a report: that is the aggregator's C code. Issuing from the page
 * records a request (kenes.staff_report_request, sql/migrations/032) that the next
 * `kenes-aggregator refresh` carries out through the path of `report --session N`; the page
 * shows it as requested until then. Sessions added and issues asked for go to the staff audit
 * log. Both need a token session (the log names a token): under the single sign-on they are
 * refused, as moderation is.
 */
#ifndef KENES_STAFF_REPORTS_H
#define KENES_STAFF_REPORTS_H

#include "lang.h"
#include "routes.h"

route_handler staff_reports_page;     /* GET /staff/reports */
route_handler staff_reports_add;      /* POST /staff/reports/sessions */
route_handler staff_reports_issue;    /* POST /staff/reports/sessions/{int}/issue */
route_handler staff_reports_download; /* GET /staff/reports/{int}?format=&lang= (a report id) */

/* A short page in the workspace's shell (navigation included): a title and a text, i18n keys. */
void staff_message_page(struct request *req, int status, enum lang lang, const struct route_match *m,
			const char *title_key, const char *text_key);

#endif
