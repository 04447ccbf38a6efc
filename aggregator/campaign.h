/*
 * campaign.h - keeping the campaigns (sql/migrations/014_campaigns.sql): proposals whose
 * texts are the same or nearly the same, grouped incrementally as they arrive.
 *
 * A refresh reads the proposals it has not read yet (and those whose status changed), in id
 * order per consultation and in batches: normalises each text (matchtext.h), groups equal
 * normal forms, signs new ones (minhash.h), fetches the leaders (texts that lead a campaign or
 * are alone) that share a band key with them, and makes each new text follow the leader it
 * matches best, or lead (cluster.h). New texts join existing campaigns; campaigns never merge
 * and their ids never change. Then the campaigns touched are recounted. A rebuild forgets
 * everything and reads every proposal the same way.
 */
#ifndef KENES_CAMPAIGN_H
#define KENES_CAMPAIGN_H

#include <stdbool.h>

#include "agg.h"
#include "conn.h"

struct campaign_stats {
	bool full;           /* rebuilt from scratch */
	long long proposals; /* proposals read for the first time */
	long long texts;     /* new distinct normal forms among them */
	long long status;    /* proposals whose status changed */
	long long created;   /* campaigns created */
	long long compared;  /* signature comparisons */
	long long gave_up;   /* full band buckets met (CLUSTER_MAX_TRIES) */
};

/* Brings the campaigns up to date inside the caller's transaction (which holds the
 * aggregator lock). full: rebuild from scratch (also done when never made, or made with
 * another method). */
bool campaign_refresh(struct conn *c, bool full, bool show_progress, struct campaign_stats *st,
		      struct agg_error *err);

#endif
