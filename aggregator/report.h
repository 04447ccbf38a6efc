/*
 * report.h - making, issuing and writing reports.
 *
 * A session's or a week's report is issued the first time it is made after its period
 * is over: every format and language is rendered and stored with its SHA-256 and the
 * tallies' cut-off (sql/migrations/011). From then on it is written exactly as stored,
 * after checking the checksum. Before its period is over a report is provisional (made,
 * not stored); a --from/--to range is never stored.
 */
#ifndef KENES_REPORT_H
#define KENES_REPORT_H

#include <stdbool.h>

#include "agg.h"
#include "conn.h"
#include "period.h"
#include "render.h"
#include "report_data.h"

struct report_request {
	enum report_kind kind;
	const char *consultation; /* slug, or NULL for the only one */
	long session;             /* REPORT_SESSION */
	long week_monday;         /* REPORT_WEEK */
	long from, to;            /* REPORT_RANGE, local days, both included */
	enum report_format format;
	enum report_lang lang;
	bool bom;     /* CSV: start with a UTF-8 byte order mark (Excel) */
	bool refresh; /* refresh the tallies first */
	bool wait;    /* wait for another aggregator instead of failing */
	bool progress;
	const char *out_path; /* NULL: standard output */
};

bool report_run(struct conn *c, const struct agg_settings *s, const struct report_request *r,
		struct agg_error *err);

/* Issues the reports of ISO weeks that are over and not issued yet, for every consultation
 * that is not a draft, in the caller's transaction (just after a refresh). */
bool report_issue_due_weeks(struct conn *c, const struct agg_settings *s, bool progress, int *issued,
			    struct agg_error *err);

/* Issues the reports of Commission sessions that staff asked for from the workspace
 * (kenes.report_request, sql/migrations/032) and whose period is over, as `report --session N`
 * would, in the caller's transaction (just after a refresh). */
bool report_issue_requested(struct conn *c, const struct agg_settings *s, int *issued, struct agg_error *err);

/* After the commit that issued reports: a restore point named after the newest one
 * (sql/migrations/025), logged. A failure is a warning, never an error: the reports stand. */
void report_restore_point(struct conn *c);

#endif
