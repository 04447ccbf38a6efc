/*
 * tally.h - bringing the tallies up to date (sql/migrations/010_tallies.sql explains the
 * design): incrementally from the change queue, or rebuilt from scratch.
 */
#ifndef KENES_TALLY_H
#define KENES_TALLY_H

#include <stdbool.h>

#include "agg.h"
#include "campaign.h"
#include "conn.h"

struct tally_stats {
	bool full;                       /* rebuilt from scratch (asked for, or the first refresh) */
	long long changes;               /* queue rows applied, or dropped by a rebuild */
	long long proposals;             /* proposals counted anew */
	long long support_days;          /* (proposal, day) support counts redone */
	char refreshed_at[64];           /* the new cut-off: everything committed by then is counted */
	struct campaign_stats campaigns; /* the campaigns, refreshed in the same transaction */
};

/*
 * Refreshes the tallies inside the caller's REPEATABLE READ transaction, which must hold
 * the aggregator lock; nothing is visible to others before the caller commits. A full
 * rebuild happens when `full` is asked or the tallies were never made. An incremental
 * refresh for another time zone than the tallies were made in is refused (AGG_USAGE).
 * The campaigns (campaign.h) are refreshed too, in the same snapshot, and rebuilt with a
 * full rebuild of the tallies.
 */
bool tally_refresh(struct conn *c, const struct agg_settings *s, bool full, bool show_progress,
		   struct tally_stats *st, struct agg_error *err);

#endif
