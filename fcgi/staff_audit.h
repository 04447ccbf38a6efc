/*
 * staff_audit.h - the audit log in the staff workspace (/staff/audit, staff, docs/STAFF.md):
 * the staff audit log (sign-ins, sign-outs, sessions added, reports asked for;
 * sql/functions/staff_audit_list.sql) or the moderation log (the API's moderation_log
 * statement), oldest first, filtered by UTC day (from, to), a hundred a page with keyset paging
 * (?after= the last id shown). ?format=csv exports the whole selection with the Excel-safe
 * writer (common/csv.h), one row at a time from the database (single-row mode) and sent in
 * pieces (reply_stream_flush), so its memory does not grow with the log.
 */
#ifndef KENES_STAFF_AUDIT_H
#define KENES_STAFF_AUDIT_H

#include "routes.h"

route_handler staff_audit_page; /* GET /staff/audit?log=staff|moderation&from=&to=&after=&format=csv */

#endif
