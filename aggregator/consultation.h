/*
 * consultation.h - the consultation a command is about, with its dates as local days.
 * The struct owns its strings; consultation_free releases them.
 */
#ifndef KENES_CONSULTATION_H
#define KENES_CONSULTATION_H

#include <stdbool.h>

#include "agg.h"
#include "conn.h"

struct consultation {
	char id[16]; /* as text, for statement parameters */
	char *slug;
	char *title[3]; /* kk, ru, en */
	long opens_on;  /* day numbers (period.h) in the aggregator's time zone */
	long closes_on; /* -1 when no end is set */
	long today;     /* the local date at the start of the transaction */
};

/* slug NULL: the one consultation that is open, or the only one that is not a draft
 * (AGG_USAGE when that leaves several, AGG_NOT_FOUND when there is none). */
bool consultation_find(struct conn *c, const char *slug, const char *time_zone, struct consultation *out,
		       struct agg_error *err);
void consultation_free(struct consultation *k);

#endif
