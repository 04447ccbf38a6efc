/*
 * report_data.h - what a report says, gathered from the tallies into one JSON document in
 * the "kenes-report/1" format (docs/AGGREGATOR.md). Every renderer works from it. Its size
 * follows the draft's structure (parts, topics, regions, weeks, a few proposals per part),
 * never the number of proposals.
 */
#ifndef KENES_REPORT_DATA_H
#define KENES_REPORT_DATA_H

#include <jansson.h>
#include <stdbool.h>

#include "agg.h"
#include "conn.h"
#include "consultation.h"
#include "period.h"

enum report_kind { REPORT_SESSION, REPORT_WEEK, REPORT_RANGE };

/* The period a report covers; days are day numbers (period.h), both ends included. */
struct report_period {
	enum report_kind kind;
	long from, to;
	bool has_previous;
	long previous_from, previous_to;
	long session; /* REPORT_SESSION: its number, date, title */
	char session_date[PERIOD_DATE_LEN];
	char session_title[1024];
	char week[PERIOD_WEEK_LEN]; /* REPORT_WEEK */
};

/* The states of a report, as the document names them. */
#define REPORT_ISSUED      "issued"      /* frozen: stored and served as stored */
#define REPORT_PROVISIONAL "provisional" /* its period is not over */
#define REPORT_AD_HOC      "range"       /* a chosen range: never stored */

/*
 * Reads the tallies (in the caller's transaction) and returns a new document (the caller
 * decrefs), or NULL with err set. cut_off: when the tallies were refreshed (ISO 8601 UTC).
 */
json_t *report_data_build(struct conn *c, const struct agg_settings *s, const struct consultation *k,
			  const struct report_period *p, const char *status, const char *cut_off,
			  struct agg_error *err);

#endif
